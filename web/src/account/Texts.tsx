import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { TextChannel } from './TextChannel';
import { useMe } from './useMe';

const STATUS: Record<string, { label: string; colour?: string }> = {
  pending: { label: 'Waiting to send', colour: 'grey' },
  sending: { label: 'Sending', colour: 'blue' },
  sent: { label: 'Sent', colour: 'blue' },
  delivered: { label: 'Delivered', colour: 'green' },
  failed: { label: 'Not delivered', colour: 'red' },
  cancelled: { label: 'Cancelled', colour: 'grey' },
  skipped: { label: 'Not sent', colour: 'grey' },
};

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
            <p className="govuk-body">{t.body ?? t.about}</p>
            {(t.status === 'sent' || t.status === 'delivered') && (
              <p className="govuk-hint">
                {t.channel === 'whatsapp' ? 'By WhatsApp' : 'By text message'}
                {t.fallbackFrom === 'whatsapp' && ' (WhatsApp could not take it)'}
              </p>
            )}
            {t.reason && <p className="govuk-hint">{t.reason}</p>}
          </div>
        ))}
    </Page>
  );
}
