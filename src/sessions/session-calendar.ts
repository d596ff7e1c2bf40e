import { Injectable } from '@nestjs/common';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { Session } from './session.entity';
import { SessionStatus } from './session.types';

/**
 * The session as an iCalendar invite. The UID is derived from the session id so every version
 * updates the same calendar entry; SEQUENCE follows the session's (bumped on reschedule and
 * cancellation); a cancelled session is sent as METHOD:CANCEL with STATUS:CANCELLED. The text says
 * "Wellbeing session" and nothing about health. With a signed `link` (for the person downloading
 * it), the entry's URL and description open the session without signing in.
 */
export function sessionCalendar(session: Session, publicBaseUrl: string, link?: string): string {
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
    url: link ?? `${publicBaseUrl}/v1/sessions/${session.id}`,
    ...(link ? { description: `See, move or cancel it: ${link}` } : {}),
  });
  return calendar.toString();
}

type LinkSource = (sessionId: string, personId: string) => Promise<string | null>;

/**
 * Where the invite gets its signed link: the links module registers its minter here at start-up
 * (it depends on sessions, so sessions cannot import it). Without one, invites carry no link.
 */
@Injectable()
export class SessionCalendarLinks {
  private source: LinkSource | undefined;

  register(source: LinkSource): void {
    this.source = source;
  }

  /** A link for `personId` while the session is booked and ahead; null otherwise. */
  async linkFor(session: Session, personId: string): Promise<string | null> {
    if (!this.source || session.status !== SessionStatus.Booked) return null;
    if (![session.volunteerId, session.therapistId].includes(personId)) return null;
    return this.source(session.id, personId);
  }
}
