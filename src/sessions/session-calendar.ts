import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Session } from './session.entity';
import { SessionStatus } from './session.types';

/**
 * The session as an iCalendar invite. The UID is derived from the session id so every version
 * updates the same calendar entry; SEQUENCE follows the session's (bumped on reschedule and
 * cancellation); a cancelled session is sent as METHOD:CANCEL with STATUS:CANCELLED. The text says
 * "Wellbeing session" and nothing about health.
 */
export function sessionCalendar(session: Session, publicBaseUrl: string): string {
  const host = new URL(publicBaseUrl).hostname;
  const cancelled = session.status === SessionStatus.Cancelled;
  const calendar = ical({
    prodId: { company: 'Volunteer Wellbeing Service', product: 'sessions', language: 'EN' },
    name: 'Wellbeing session',
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `session-${session.id}@${host}`,
    sequence: session.sequence,
    start: session.startsAt,
    end: session.endsAt,
    stamp: session.updatedAt,
    summary: 'Wellbeing session',
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: `${publicBaseUrl}/v1/sessions/${session.id}`,
  });
  return calendar.toString();
}
