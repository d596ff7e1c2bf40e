import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import {
  count,
  expiresSoon,
  useActivePairings,
  useConcerns,
  useFailedTexts,
  useUnmatched,
  useVetting,
} from './queries';

const URGENCIES = ['urgent', 'high', 'medium', 'low'] as const;

/** What needs the coordinator now, each count linking to the list behind it. */
export function CoordinatorHome() {
  const pending = useVetting('pending');
  const verified = useVetting('verified');
  const concerns = useConcerns('open');
  const failed = useFailedTexts();
  const pairings = useActivePairings();
  const unmatched = useUnmatched();
  const all = [pending, verified, concerns, failed, pairings, unmatched];
  const error = all.find((q) => q.error)?.error;
  if (error)
    return (
      <Page title="Your home">
        <LoadError error={error} />
      </Page>
    );
  if (
    !pending.data ||
    !verified.data ||
    !concerns.data ||
    !failed.data ||
    !pairings.data ||
    !unmatched.data
  ) {
    return (
      <Page title="Your home">
        <Loading />
      </Page>
    );
  }
  const expiring = verified.data.items.filter((v) => expiresSoon(v.vettingExpiresOn)).length;
  const flagged = pairings.data.items.filter((p) => p.flaggedAt).length;
  const byUrgency = (u: string) => concerns.data.items.filter((c) => c.urgency === u).length;
  return (
    <Page title="Your home">
      <h2 className="govuk-heading-m">Needs action</h2>
      <dl className="govuk-summary-list" aria-label="Counts that need action">
        <Row label="Checks waiting" value={count(pending.data)} to="/coordinator/vetting" />
        <Row
          label="Checks expiring within 30 days"
          value={String(expiring)}
          to="/coordinator/vetting?show=expiring"
        />
        <Row
          label="Open concerns"
          value={
            <>
              {count(concerns.data)}
              {concerns.data.items.length > 0 && (
                <span className="govuk-body-s">
                  {' '}
                  (
                  {URGENCIES.filter(byUrgency)
                    .map((u) => `${byUrgency(u)} ${u}`)
                    .join(', ')}
                  )
                </span>
              )}
            </>
          }
          to="/coordinator/concerns"
        />
        <Row label="Texts that failed" value={count(failed.data)} to="/coordinator/texts" />
        <Row
          label="Pairings with two missed calls"
          value={String(flagged)}
          to="/coordinator/pairings"
        />
        <Row
          label="Requests unmatched for over 7 days"
          value={`${unmatched.data.sessionRequests} for a session, ${unmatched.data.buddyRequests} for a buddy`}
          to="/coordinator/requests"
        />
      </dl>
      <h2 className="govuk-heading-m">Tools</h2>
      <ul className="govuk-list">
        <li>
          <Link to="/coordinator/people">Look someone up, or allow another session</Link>
        </li>
        <li>
          <Link to="/coordinator/audit">Search the audit trail</Link>
        </li>
      </ul>
    </Page>
  );
}

function Row({ label, value, to }: { label: string; value: ReactNode; to: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
      <dd className="govuk-summary-list__actions">
        <Link to={to}>
          View<span className="govuk-visually-hidden"> {label.toLowerCase()}</span>
        </Link>
      </dd>
    </div>
  );
}
