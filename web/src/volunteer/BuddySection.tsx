import { useCalls, usePairings } from '../buddy/queries';
import { Link } from '../app/router';
import { Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { callTime } from './buddyViews';

/** The volunteer home's buddy part: the next call once paired, else how to ask for a buddy. */
export function BuddySection() {
  const pairings = usePairings();
  const calls = useCalls();
  if (pairings.isPending) return <Loading />;
  const paired = pairings.data?.items.some((p) => p.status === 'active');
  if (!paired)
    return (
      <>
        <p className="govuk-body">
          A buddy is a trained volunteer who calls you regularly after you come home.
        </p>
        <p className="govuk-body">
          <Link to="/volunteer/buddy">Ask for a buddy</Link>
        </p>
      </>
    );
  const now = Date.now();
  const next = calls.data?.items
    .filter((c) => c.status === 'scheduled' && Date.parse(c.startsAt.utc) > now)
    .sort((a, b) => a.startsAt.utc.localeCompare(b.startsAt.utc))[0];
  const when = next && callTime(next).mine;
  return (
    <p className="govuk-body">
      {when ? (
        <>
          Your next call: <strong>{formatZoned(when.utc, when.timezone)}</strong>.{' '}
        </>
      ) : (
        'No call planned in the next four weeks. '
      )}
      <Link to="/volunteer/calls">See your calls</Link>
    </p>
  );
}
