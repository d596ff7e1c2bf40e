import { useQuery } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { PhoneUnconfirmed } from '../account/PhoneUnconfirmed';
import { useMe } from '../account/useMe';
import { attendanceWords } from './Attendance';
import { VettingStatus } from './VettingStatus';

type Session = Schemas['SessionView'];

/** The therapist's home: checks, booked sessions (those that have started first, to record). */
export function TherapistHome() {
  const me = useMe();
  const zone = me.data?.timezone;
  const sessions = useQuery({
    queryKey: ['sessions', 'booked', zone],
    enabled: !!zone,
    // A volunteer may have booked since the last look: coming home always asks again.
    staleTime: 0,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/sessions', {
          params: { query: { status: 'booked', tz: zone, limit: 100 } },
        }),
      ),
  });
  if (me.error || sessions.error)
    return (
      <Page title="Your home">
        <LoadError error={me.error ?? sessions.error} />
      </Page>
    );
  if (!me.data || !sessions.data)
    return (
      <Page title="Your home">
        <Loading />
      </Page>
    );

  const now = Date.now();
  const started = sessions.data.items.filter((s) => Date.parse(s.startsAt.utc) <= now);
  const upcoming = sessions.data.items
    .filter((s) => Date.parse(s.startsAt.utc) > now)
    .sort((a, b) => a.startsAt.utc.localeCompare(b.startsAt.utc));
  return (
    <Page title="Your home" caption={me.data.name}>
      <PhoneUnconfirmed me={me.data} />
      <VettingStatus me={me.data} />
      <ul className="govuk-list">
        <li>
          <Link to="/therapist/availability">Your weekly hours and days off</Link>
        </li>
        <li>
          <Link to="/therapist/profile">Your profile</Link>
        </li>
      </ul>
      {started.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Sessions to record</h2>
          <SessionList sessions={started} zone={me.data.timezone} action="Record how it went" />
        </>
      )}
      <h2 className="govuk-heading-m">Upcoming sessions</h2>
      {upcoming.length === 0 ? (
        <p className="govuk-body">No sessions booked yet.</p>
      ) : (
        <SessionList sessions={upcoming} zone={me.data.timezone} action="Details" />
      )}
    </Page>
  );
}

function SessionList({
  sessions,
  zone,
  action,
}: {
  sessions: Session[];
  zone: string;
  action: string;
}) {
  return (
    <ul className="govuk-list govuk-list--spaced">
      {sessions.map((s) => (
        <li key={s.id}>
          <strong>{formatZoned(s.startsAt.utc, zone)}</strong>, {MODALITY[s.modality]}.{' '}
          {attendanceWords(s) && <>{attendanceWords(s)}. </>}
          <Link to={`/therapist/sessions/${s.id}`}>
            {action}
            <span className="govuk-visually-hidden">
              {' '}
              for the session on {formatZoned(s.startsAt.utc, zone)}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export const MODALITY: Record<Session['modality'], string> = {
  video: 'video call',
  phone: 'phone call',
  in_person: 'in person',
};
