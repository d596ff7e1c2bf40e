import { useMe } from '../account/useMe';
import type { Schemas } from '../api/client';
import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { formatDate, formatZoned } from '../time/formatZoned';
import { useSessions } from './useSessions';
import { BuddySection } from './BuddySection';

const PHASE = {
  preparing: 'Getting ready to go',
  deployed: 'Away on deployment',
  returned: 'Back home',
};

export function VolunteerHome() {
  const me = useMe();
  const zone = me.data?.timezone;
  const sessions = useSessions(zone);
  const profile = me.data?.profile as Schemas['VolunteerProfileDetailsView'] | null | undefined;
  const booked = sessions.data?.items.find((s) => s.status === 'booked');
  const used = sessions.data?.items.find((s) => s.status === 'completed' || s.status === 'no_show');

  return (
    <Page title={`Hello ${me.data?.name ?? ''}`.trim()}>
      {me.isPending && <Loading />}
      {me.error && <LoadError error={me.error} />}
      {me.data && (
        <>
          <h2 className="govuk-heading-m">Your free session</h2>
          {sessions.isPending && <Loading />}
          {booked && (
            <p className="govuk-body">
              Your free session:{' '}
              <strong>booked for {formatZoned(booked.startsAt.utc, zone!)}</strong>.{' '}
              <Link to={`/volunteer/sessions/${booked.id}`}>See, move or cancel it</Link>
            </p>
          )}
          {!booked && used && (
            <p className="govuk-body">
              Your free session: used on {formatZoned(used.startsAt.utc, zone!)}.
            </p>
          )}
          {!booked && !used && sessions.data && (
            <p className="govuk-body">
              Your free session: <Tag colour="green">available</Tag>{' '}
              <Link to="/volunteer/ask">Ask for your session</Link>
            </p>
          )}
          <h2 className="govuk-heading-m">Your deployments</h2>
          {profile ? (
            <>
              <p className="govuk-body">
                Now: <strong>{PHASE[profile.phase]}</strong>
                {profile.returnsOn && ` (back on ${formatDate(profile.returnsOn)})`}
              </p>
              <SummaryList
                rows={profile.deployments.map((d, i) => ({
                  key: `${d.location}, ${d.country}`,
                  value: `${formatDate(d.startsOn)} to ${formatDate(d.endsOn)}`,
                  ...(i === 0 ? {} : {}),
                }))}
              />
            </>
          ) : (
            <p className="govuk-body">You have not told us where you volunteer yet.</p>
          )}
          <p className="govuk-body">
            <Link to="/volunteer/deployments">Add a deployment</Link>
          </p>
          <p className="govuk-body">
            <Link to="/volunteer/profile">Your profile</Link>
          </p>
          <h2 className="govuk-heading-m">Calls with a buddy</h2>
          <BuddySection />
        </>
      )}
    </Page>
  );
}
