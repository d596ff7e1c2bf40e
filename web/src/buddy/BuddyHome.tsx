import { Link, useLocation } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { PhoneUnconfirmed } from '../account/PhoneUnconfirmed';
import { useMe } from '../account/useMe';
import { VettingStatus } from '../therapist/VettingStatus';
import { formatZoned } from '../time/formatZoned';
import { CallOutcome } from './CallOutcome';
import { useCalls, usePairings } from './queries';
import type { CheckinView } from './views';

/** The buddy's home: calls that have happened and need an outcome, then the calls to come. */
export function BuddyHome() {
  const me = useMe();
  const { search } = useLocation();
  const calls = useCalls();
  const pairings = usePairings();
  const error = me.error ?? calls.error ?? pairings.error;
  if (error)
    return (
      <Page title="Your home">
        <LoadError error={error} />
      </Page>
    );
  if (!me.data || !calls.data || !pairings.data)
    return (
      <Page title="Your home">
        <Loading />
      </Page>
    );

  const names = new Map(
    pairings.data.items.map((p) => [p.id, p.volunteerContact?.name ?? 'Your volunteer']),
  );
  const now = Date.now();
  const scheduled = calls.data.items.filter((c) => c.status === 'scheduled');
  const toLog = scheduled.filter((c) => Date.parse(c.startsAt.utc) <= now);
  const upcoming = scheduled
    .filter((c) => Date.parse(c.startsAt.utc) > now)
    .sort((a, b) => a.startsAt.utc.localeCompare(b.startsAt.utc));
  const myZone = me.data.timezone;
  return (
    <Page title="Your home" caption={me.data.name}>
      {search.get('logged') === 'concern' && <ConcernLogged />}
      <PhoneUnconfirmed me={me.data} />
      <VettingStatus me={me.data} />
      <ul className="govuk-list">
        <li>
          <Link to="/buddy/pairings">Your volunteers</Link>
        </li>
        <li>
          <Link to="/buddy/availability">When you can take calls</Link>
        </li>
        <li>
          <Link to="/buddy/profile">Your profile and DBS check</Link>
        </li>
      </ul>
      {toLog.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Calls to log</h2>
          <ul className="govuk-list govuk-list--spaced">
            {toLog.map((c) => (
              <li key={c.id}>
                <CallTime call={c} name={names.get(c.pairingId)} myZone={myZone} />
                <CallOutcome callId={c.id} when={formatZoned(c.startsAt.utc, myZone)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="govuk-heading-m">Upcoming calls</h2>
      {upcoming.length === 0 ? (
        <p className="govuk-body">No calls planned in the next four weeks.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {upcoming.map((c) => (
            <li key={c.id}>
              <CallTime call={c} name={names.get(c.pairingId)} myZone={myZone} />
              <Link to={`/buddy/calls/${c.id}`}>
                Move or cancel
                <span className="govuk-visually-hidden">
                  {' '}
                  the call on {formatZoned(c.startsAt.utc, myZone)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/** "Ben Carter, by phone: Sat 5 Dec, 18:00 Athens time (their time); 16:00 London time (yours)". */
function CallTime({ call, name, myZone }: { call: CheckinView; name?: string; myZone: string }) {
  const theirs = formatZoned(call.startsAt.utc, call.volunteerTime.timezone);
  const mine = formatZoned(call.startsAt.utc, myZone);
  return (
    <p className="govuk-body govuk-!-margin-bottom-2">
      <strong>{name ?? 'Your volunteer'}</strong>,{' '}
      {call.channel === 'skype' ? 'on Skype' : 'by phone'}
      <br />
      {theirs} ({call.volunteerTime.timezone === myZone ? 'their time and yours' : 'their time'})
      {call.volunteerTime.timezone !== myZone && (
        <>
          <br />
          {mine} (your time)
        </>
      )}
    </p>
  );
}

/**
 * What a logged concern really does (CheckinConcernListener): it opens a safeguarding concern about
 * the volunteer, reported by the buddy, on the coordinators' list; it is not urgent, so no text
 * goes out; the note stays with the call, for the coordinators only.
 */
function ConcernLogged() {
  return (
    <>
      <Success>Your concern has been logged.</Success>
      <h2 className="govuk-heading-m">What happens next</h2>
      <ul className="govuk-list govuk-list--bullet">
        <li>
          Your concern is now on the coordinators&apos; list, and they can read your note with the
          call. The volunteer is not told.
        </li>
        <li>
          You can see where it stands in <Link to="/concerns">Concerns you raised</Link>.
        </li>
        <li>
          If it cannot wait, <Link to="/concerns/new">raise an urgent concern</Link>: the
          coordinators are sent a text straight away.
        </li>
        <li>If someone is in danger now, call 999.</li>
      </ul>
    </>
  );
}
