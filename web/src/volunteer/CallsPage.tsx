import { useCalls, usePairings } from '../buddy/queries';
import { Link, useLocation } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { WEEKDAYS } from '../therapist/AvailabilityEditor';
import { formatDate, formatZoned, zoneLabel } from '../time/formatZoned';
import { AskedForBuddy } from './AskedForBuddy';
import { callTime } from './buddyViews';

const CADENCE = { weekly: 'every', fortnightly: 'every other' };

/** My buddy's upcoming calls, each in my time and the buddy's, and the plan they follow. */
export function CallsPage() {
  const { search } = useLocation();
  const calls = useCalls();
  const pairings = usePairings();
  const error = calls.error ?? pairings.error;
  const now = Date.now();
  const upcoming = (calls.data?.items ?? [])
    .filter((c) => c.status === 'scheduled' && Date.parse(c.startsAt.utc) > now)
    .sort((a, b) => a.startsAt.utc.localeCompare(b.startsAt.utc));
  const active = pairings.data?.items.filter((p) => p.status === 'active') ?? [];
  const buddyOf = (pairingId: string) =>
    active.find((p) => p.id === pairingId)?.buddyName ?? 'your buddy';
  return (
    <Page title="Your calls" caption="Calls with a buddy" back="/volunteer">
      {search.get('new') && <Success>Your buddy will call you at the times below.</Success>}
      {error && <LoadError error={error} />}
      {!error && (!calls.data || !pairings.data) && <Loading />}
      {pairings.data && active.length === 0 && (
        <>
          <p className="govuk-body">You do not have a buddy yet.</p>
          <AskedForBuddy />
        </>
      )}
      {active.map((p) => (
        <p className="govuk-body" key={p.id}>
          {p.buddyName ? `Your buddy ${p.buddyName}` : 'Your buddy'} calls you{' '}
          {p.channel === 'skype' ? 'on Skype' : 'by phone'} {CADENCE[p.cadence]}{' '}
          {WEEKDAYS[p.weekday - 1]} at {p.localTime} {zoneLabel(p.timezone)}
          {p.endsOn && `, until ${formatDate(p.endsOn)}`}.
        </p>
      ))}
      {calls.data && active.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Upcoming calls</h2>
          {upcoming.length === 0 ? (
            <p className="govuk-body">No calls planned in the next four weeks.</p>
          ) : (
            <ul className="govuk-list govuk-list--spaced">
              {upcoming.map((c) => {
                const { mine, buddy } = callTime(c);
                return (
                  <li key={c.id}>
                    <strong>{formatZoned(mine.utc, mine.timezone)}</strong> (your time)
                    {buddy.timezone !== mine.timezone && (
                      <>
                        <br />
                        {formatZoned(buddy.utc, buddy.timezone)} ({buddyOf(c.pairingId)}&apos;s
                        time)
                      </>
                    )}
                    <br />
                    <Link to={`/volunteer/calls/${c.id}`}>
                      Move or cancel
                      <span className="govuk-visually-hidden">
                        {' '}
                        the call on {formatZoned(mine.utc, mine.timezone)}
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
