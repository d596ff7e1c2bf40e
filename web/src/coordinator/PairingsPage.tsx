import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { WEEKDAYS } from '../therapist/AvailabilityEditor';
import { useMe } from '../account/useMe';
import { formatZoned, zoneLabel } from '../time/formatZoned';
import { useActivePairings } from './queries';

/** Active pairings, those with two missed calls in a row first. */
export function PairingsPage() {
  const pairings = useActivePairings();
  const me = useMe();
  const title = 'Buddy pairings';
  if (pairings.error)
    return (
      <Page title={title} back="/coordinator">
        <LoadError error={pairings.error} />
      </Page>
    );
  if (!pairings.data || !me.data)
    return (
      <Page title={title} back="/coordinator">
        <Loading />
      </Page>
    );
  const items = [...pairings.data.items].sort(
    (a, b) => Number(!!b.flaggedAt) - Number(!!a.flaggedAt),
  );
  return (
    <Page title={title} back="/coordinator">
      {items.length === 0 && <p className="govuk-body">No active pairings.</p>}
      <ul className="govuk-list govuk-list--spaced">
        {items.map((p) => (
          <li key={p.id}>
            {p.flaggedAt && (
              <>
                <Tag colour="red">Two calls missed</Tag> since{' '}
                {formatZoned(p.flaggedAt, me.data.timezone)}
                <br />
              </>
            )}
            <strong>
              {p.people?.volunteerName ? (
                <Link to={`/coordinator/people/${p.volunteerId}`}>{p.people.volunteerName}</Link>
              ) : (
                'A volunteer whose account was erased'
              )}{' '}
              with{' '}
              {p.people?.buddyName ? (
                <Link to={`/coordinator/people/${p.buddyId}`}>{p.people.buddyName}</Link>
              ) : (
                'a buddy whose account was erased'
              )}
            </strong>
            <br />
            {p.cadence === 'weekly' ? 'Every' : 'Every other'} {WEEKDAYS[p.weekday - 1]} at{' '}
            {p.localTime} {zoneLabel(p.timezone)}.
          </li>
        ))}
      </ul>
    </Page>
  );
}
