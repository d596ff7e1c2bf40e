import { Link } from '../app/router';
import { Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { useOpenBuddyRequests } from '../buddy/queries';

/**
 * For a volunteer with no buddy: the request they made and can still choose a buddy for, else
 * the way to ask. The time is in the request's zone (the volunteer's, from the server).
 */
export function AskedForBuddy() {
  const requests = useOpenBuddyRequests();
  if (requests.isPending) return <Loading />;
  const latest = requests.data?.items[0];
  if (!latest)
    return (
      <p className="govuk-body">
        <Link to="/volunteer/buddy">Ask for a buddy</Link>
      </p>
    );
  return (
    <p className="govuk-body">
      You asked for a buddy on {formatZoned(latest.createdAt, latest.timezone)}.{' '}
      <Link to={`/volunteer/buddy-requests/${latest.id}`}>Choose your buddy</Link>
    </p>
  );
}
