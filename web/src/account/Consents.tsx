import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download, problemError } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { Link, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { CONSENT_ENABLES } from '../words';
import { useMe } from './useMe';

/** Hands the receipt of one consent change to the browser as a JSON file. */
function saveReceipt(receipt: unknown, purpose: string) {
  const url = URL.createObjectURL(
    new Blob([JSON.stringify(receipt, null, 2)], { type: 'application/json' }),
  );
  const a = document.createElement('a');
  a.href = url;
  a.download = `consent-receipt-${purpose}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Consents() {
  const { search } = useLocation();
  const [done, setDone] = useState<{
    title: string;
    granted: boolean;
    receipt: unknown;
    purpose: string;
  } | null>(null);
  const purposes = useQuery({
    queryKey: ['consent-purposes'],
    queryFn: async () => unwrap(await api.GET('/v1/consent/purposes')),
  });
  const mine = useQuery({
    queryKey: ['my-consents'],
    queryFn: async () => unwrap(await api.GET('/v1/me/consents')),
  });
  const choose = useMutation({
    mutationFn: async (body: { purpose: string; version: number; granted: boolean }) =>
      unwrap(await api.POST('/v1/me/consents', { body })),
    onSuccess: async (result, body) => {
      setDone({
        title: result.state.title,
        granted: body.granted,
        receipt: result.receipt,
        purpose: body.purpose,
      });
      await queryClient.invalidateQueries({ queryKey: ['my-consents'] });
    },
  });

  const me = useMe();
  const titles = new Map(purposes.data?.map((p) => [p.purpose, p.title]));
  const history = [...(mine.data?.history ?? [])].reverse();
  const state = new Map(mine.data?.purposes.map((p) => [p.purpose, p]));
  return (
    <Page title="What you have agreed to" hasError={!!choose.error}>
      {choose.error && <ErrorSummary errors={[problemError(choose.error)]} />}
      {done && (
        <Success>
          {done.granted ? 'You agreed to' : 'You withdrew'} “{done.title}”.{' '}
          <button
            type="button"
            className="app-link-button"
            onClick={() => saveReceipt(done.receipt, done.purpose)}
          >
            Download the receipt
          </button>
        </Success>
      )}
      {search.get('welcome') && !done && (
        <p className="govuk-body">
          Welcome. Before we can find you a session or a buddy, read each item and agree to the ones
          you are happy with. You can change your mind at any time here.
        </p>
      )}
      {(purposes.isPending || mine.isPending) && <Loading />}
      {(purposes.error ?? mine.error) && <LoadError error={purposes.error ?? mine.error} />}
      {purposes.data?.map((purpose) => {
        const current = state.get(purpose.purpose);
        const agreed = !!current?.granted && current.valid;
        // A purpose the service does not use now is shown only to withdraw an old agreement.
        if (!purpose.offered && !current?.granted) return null;
        return (
          <section
            key={purpose.purpose}
            className="govuk-!-margin-bottom-7"
            aria-labelledby={`p-${purpose.purpose}`}
          >
            <h2 className="govuk-heading-m" id={`p-${purpose.purpose}`}>
              {purpose.title}
            </h2>
            <p className="govuk-body">
              {agreed ? <Tag colour="green">Agreed</Tag> : <Tag colour="grey">Not agreed</Tag>}
              {current?.needsReconsent && ' The text has changed since you agreed: read it again.'}
            </p>
            {CONSENT_ENABLES[purpose.purpose] && (
              <p className="govuk-body">{CONSENT_ENABLES[purpose.purpose]}</p>
            )}
            {!purpose.offered && (
              <p className="govuk-body">
                We do not use this at the moment. You can withdraw your agreement.
              </p>
            )}
            <div className="govuk-inset-text">{purpose.text}</div>
            <Button
              type="button"
              variant={agreed ? 'secondary' : 'primary'}
              disabled={choose.isPending}
              onClick={() =>
                choose.mutate({
                  purpose: purpose.purpose,
                  version: agreed
                    ? (current?.version ?? purpose.currentVersion)
                    : purpose.currentVersion,
                  granted: !agreed,
                })
              }
            >
              {agreed ? 'Withdraw' : 'Agree'}
              <span className="govuk-visually-hidden"> to {purpose.title}</span>
            </Button>
          </section>
        );
      })}
      {me.data && history.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Your changes</h2>
          <p className="govuk-body">Each change has a receipt you can keep, newest first.</p>
          <ul className="govuk-list govuk-list--spaced">
            {history.map((event) => {
              const title = titles.get(event.purpose) ?? event.purpose;
              const when = formatZoned(event.at, me.data.timezone);
              return (
                <li key={event.id}>
                  {event.granted ? 'Agreed to' : 'Withdrew'} “{title}”, {when}.{' '}
                  <button
                    type="button"
                    className="app-link-button"
                    onClick={() =>
                      void download(
                        `/v1/me/consents/${event.id}/receipt`,
                        `consent-receipt-${event.purpose}-${event.at.slice(0, 10)}.json`,
                      )
                    }
                  >
                    Receipt
                    <span className="govuk-visually-hidden">
                      {' '}
                      of “{title}”, {when}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="govuk-body">
        <Link to="/">Continue</Link>
      </p>
    </Page>
  );
}
