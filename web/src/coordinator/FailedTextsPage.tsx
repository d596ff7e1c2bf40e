import { useState } from 'react';
import { problemMessage } from '../api/client';
import { Link } from '../app/router';
import { Button } from '../components/Button';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';
import { textName, twilioError } from '../words';
import { useFailedTexts, useRetryText } from './queries';

/** Texts that did not reach someone: which message, why in words, and "Try again" where it can help. */
export function FailedTextsPage() {
  const failed = useFailedTexts();
  const retry = useRetryText();
  const [retried, setRetried] = useState(false);
  const me = useMe();
  const title = 'Texts that failed';
  if (failed.error)
    return (
      <Page title={title} back="/coordinator">
        <LoadError error={failed.error} />
      </Page>
    );
  if (!failed.data || !me.data)
    return (
      <Page title={title} back="/coordinator">
        <Loading />
      </Page>
    );
  const zone = me.data.timezone;
  return (
    <Page title={title} back="/coordinator" hasError={!!retry.error}>
      {retried && !retry.error && <Success>The text will be sent again in a moment.</Success>}
      {retry.error && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">It could not be sent again</h2>
          <p className="govuk-body">{problemMessage(retry.error)}</p>
        </div>
      )}
      {failed.data.items.length === 0 && (
        <p className="govuk-body">None. Every text went through.</p>
      )}
      <ul className="govuk-list govuk-list--spaced">
        {failed.data.items.map((n) => {
          const why = twilioError(n.lastErrorCode);
          const what = textName(n.template);
          return (
            <li key={n.id}>
              <strong>{what}</strong>, due {formatZoned(n.dueAt, zone)}
              <br />
              {why.words} Tried {n.attempts} time{n.attempts === 1 ? '' : 's'}.{' '}
              <Link to={`/coordinator/people/${n.recipientId}`}>
                Who it was for<span className="govuk-visually-hidden"> ({what})</span>
              </Link>
              {why.retry && (
                <>
                  <br />
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={retry.isPending}
                    onClick={() => {
                      setRetried(true);
                      retry.mutate(n.id);
                    }}
                  >
                    Try again<span className="govuk-visually-hidden">: {what}</span>
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
