import { PhoneUnconfirmed } from '../account/PhoneUnconfirmed';
import { useMe } from '../account/useMe';
import type { Schemas } from '../api/client';
import { Link, useLocation } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { formatDate, formatZoned } from '../time/formatZoned';
import { useOpenSessionRequest, useSessions } from '../sessions/queries';
import { firstNameOf } from '../sessions/HowToJoin';
import { countryName, greetingName } from '../words';
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
  const asked = useOpenSessionRequest();
  const withdrawn = useLocation().search.get('withdrawn') === '1';
  // The session the therapist had to cancel, whose request came back to the volunteer.
  const cancelledForMe = sessions.data?.items.find(
    (s) =>
      s.status === 'cancelled' && s.cancelledBy === s.therapistId && s.requestId === asked.data?.id,
  );

  return (
    <Page
      title={`Hello ${greetingName({ name: me.data?.name, preferredName: profile?.preferredName })}`.trim()}
    >
      {withdrawn && <Success>Your request is withdrawn. You can ask again at any time.</Success>}
      {me.isPending && <Loading />}
      {me.error && <LoadError error={me.error} />}
      {me.data && (
        <>
          <PhoneUnconfirmed me={me.data} />
          <h2 className="govuk-heading-m">Your free session</h2>
          {sessions.isPending && <Loading />}
          {booked && (
            <p className="govuk-body">
              Your free session:{' '}
              <strong>booked for {formatZoned(booked.startsAt.utc, zone!)}</strong>
              {booked.therapistName && ` with ${booked.therapistName}`}.{' '}
              <Link to={`/volunteer/sessions/${booked.id}`}>See, move or cancel it</Link>
            </p>
          )}
          {!booked && used && (
            <p className="govuk-body">
              Your free session: used on {formatZoned(used.startsAt.utc, zone!)}.
            </p>
          )}
          {!booked && asked.data && cancelledForMe && (
            <p className="govuk-body">
              {firstNameOf(cancelledForMe.therapistName, 'The person you booked with')} had to
              cancel your session on {formatZoned(cancelledForMe.startsAt.utc, zone!)}.{' '}
              <Link to={`/volunteer/requests/${asked.data.id}`}>Choose another time</Link>
            </p>
          )}
          {!booked && asked.data && !cancelledForMe && (
            <p className="govuk-body">
              You asked for your session on {formatZoned(asked.data.createdAt, zone!)}, for{' '}
              {formatDate(asked.data.notBefore.slice(0, 10))} to{' '}
              {formatDate(asked.data.notAfter.slice(0, 10))}.{' '}
              <Link to={`/volunteer/requests/${asked.data.id}`}>Choose who to talk to</Link>
            </p>
          )}
          {!booked && !used && !asked.data && !asked.isPending && sessions.data && (
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
                  key: `${d.location}, ${countryName(d.country)}`,
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
