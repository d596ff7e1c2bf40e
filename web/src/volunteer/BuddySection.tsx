import { useCalls, usePairings } from '../buddy/queries';
import { Link } from '../app/router';
import { Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { AskedForBuddy } from './AskedForBuddy';
import { callTime } from './buddyViews';
import { SSUN_EXPLAINED } from '../words';

/**
 * The volunteer home's buddy part: the next call once paired, else the request waiting for a
 * choice of buddy, else how to ask for one.
 */
export function BuddySection() {
  const pairings = usePairings();
  const calls = useCalls();
  if (pairings.isPending) return <Loading />;
  const paired = pairings.data?.items.some((p) => p.status === 'active');
  if (!paired)
    return (
      <>
        <p className="govuk-body">
          A buddy is a trained volunteer who calls you regularly after you come home.{' '}
          {SSUN_EXPLAINED}
        </p>
        <AskedForBuddy />
      </>
    );
  const now = Date.now();
  const next = calls.data?.items
    .filter((c) => c.status === 'scheduled' && Date.parse(c.startsAt.utc) > now)
    .sort((a, b) => a.startsAt.utc.localeCompare(b.startsAt.utc))[0];
  const when = next && callTime(next).mine;
  const buddy = pairings.data?.items.find((p) => p.status === 'active')?.buddyName;
  return (
    <p className="govuk-body">
      {when ? (
        <>
          Your next call{buddy && ` with ${buddy}`}:{' '}
          <strong>{formatZoned(when.utc, when.timezone)}</strong>.{' '}
        </>
      ) : (
        'No call planned in the next four weeks. '
      )}
      <Link to="/volunteer/calls">See your calls</Link>
    </p>
  );
}
