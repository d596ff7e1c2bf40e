import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';
import { useFailedTexts } from './queries';

/** Texts that did not reach someone: who, which message, and the provider's error code. */
export function FailedTextsPage() {
  const failed = useFailedTexts();
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
  return (
    <Page title={title} back="/coordinator">
      {failed.data.items.length === 0 && (
        <p className="govuk-body">None. Every text went through.</p>
      )}
      <ul className="govuk-list govuk-list--spaced">
        {failed.data.items.map((n) => (
          <li key={n.id}>
            <strong>{n.template.replace(/_/g, ' ')}</strong>, due{' '}
            {formatZoned(n.dueAt, me.data.timezone)}
            <br />
            Error {n.lastErrorCode ?? 'unknown'}
            {n.reason && ` (${n.reason.replace(/-/g, ' ')})`} after {n.attempts} attempt
            {n.attempts === 1 ? '' : 's'}.{' '}
            <Link to={`/coordinator/people?id=${n.recipientId}`}>
              Who it was for
              <span className="govuk-visually-hidden"> ({n.template.replace(/_/g, ' ')})</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
