import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { TEXT_STATUS as STATUS, textAbout, textReason } from '../words';
import { TextChannel } from './TextChannel';
import { useMe } from './useMe';

export function Texts() {
  const me = useMe();
  const texts = useQuery({
    queryKey: ['my-texts'],
    queryFn: async () => unwrap(await api.GET('/v1/me/notifications')),
  });
  const zone = me.data?.timezone;
  const items = texts.data?.items ?? [];
  return (
    <Page title="Texts we sent you" back="/account">
      <TextChannel />
      {(texts.isPending || me.isPending) && <Loading />}
      {texts.error && <LoadError error={texts.error} />}
      {zone && texts.data && items.length === 0 && <p className="govuk-body">No texts yet.</p>}
      {zone &&
        items.map((t) => (
          <div key={t.id} className="govuk-summary-card govuk-!-margin-bottom-4">
            <p className="govuk-body govuk-!-margin-bottom-1">
              <strong>{formatZoned(t.sentAt ?? t.dueAt.utc, zone)}</strong>{' '}
              <Tag colour={STATUS[t.status]?.colour}>{STATUS[t.status]?.label ?? t.status}</Tag>
            </p>
            <p className="govuk-body">{t.body ?? textAbout(t, zone)}</p>
            {(t.status === 'sent' || t.status === 'delivered') && (
              <p className="govuk-hint">
                {t.channel === 'email'
                  ? 'By email'
                  : t.channel === 'whatsapp'
                    ? 'By WhatsApp'
                    : 'By text message'}
                {t.fallbackFrom === 'whatsapp' && ' (WhatsApp could not take it)'}
              </p>
            )}
            {textReason(t.reason) && <p className="govuk-hint">{textReason(t.reason)}</p>}
          </div>
        ))}
    </Page>
  );
}
