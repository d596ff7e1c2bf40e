import { Injectable } from '@nestjs/common';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { firstName } from '../common/first-name';
import { Session } from './session.entity';
import { SessionMeetingView } from './session.view';
import { SessionStatus } from './session.types';

/**
 * The session as an iCalendar invite. The UID is derived from the session id so every version
 * updates the same calendar entry; SEQUENCE follows the session's (bumped on reschedule and
 * cancellation); a cancelled session is sent as METHOD:CANCEL with STATUS:CANCELLED. The text says
 * "Wellbeing session" and nothing about health. With a signed `link` (for the person downloading
 * it), the entry's URL and description open the session without signing in. `place` (for the
 * reader) fills LOCATION: the video link, who calls whom, or the address.
 */
export function sessionCalendar(
  session: Session,
  publicBaseUrl: string,
  link?: string,
  place?: InvitePlace,
): string {
  const host = new URL(publicBaseUrl).hostname;
  const cancelled = session.status === SessionStatus.Cancelled;
  const description = [
    ...(place?.join && !cancelled ? [`Join: ${place.join}`] : []),
    ...(link ? [`See, move or cancel it: ${link}`] : []),
  ];
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
    ...(place && !cancelled ? { location: place.location } : {}),
    ...(description.length > 0 ? { description: description.join('\n') } : {}),
  });
  return calendar.toString();
}

/** Where the session happens, in words for the invite's reader. */
export interface InvitePlace {
  location: string;
  /** The video link, also written in the description. */
  join?: string;
}

/**
 * The invite's LOCATION for its reader, from the session's meeting details: the video link, who
 * calls whom on which number, or the address. `other` is the other person's name.
 */
export function invitePlace(
  meeting: SessionMeetingView,
  reader: 'volunteer' | 'therapist' | 'other',
  other: string | null,
): InvitePlace {
  const them = other ? firstName(other) : null;
  switch (meeting.how) {
    case 'video':
      return meeting.url
        ? { location: meeting.url, join: meeting.url }
        : { location: 'Video call: the link will be on your session page' };
    case 'phone': {
      const on = meeting.phone ? ` on ${meeting.phone}` : '';
      if (reader === 'volunteer')
        return { location: `Phone call: ${them ?? 'they'} will call you${on}` };
      if (reader === 'therapist')
        return { location: `Phone call: you call ${them ?? 'the volunteer'}${on}` };
      return { location: `Phone call${on}` };
    }
    case 'in_person':
      return { location: meeting.address ?? 'In person' };
  }
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
