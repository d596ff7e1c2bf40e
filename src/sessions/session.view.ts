import { zonedTime, ZonedTimeView } from '../common/time/zoned-time.view';
import { Session } from './session.entity';
import type { Modality } from '../people/people.types';
import { Attendance, SessionStatus } from './session.types';

/** The volunteer's contact details, for the therapist while sharing consent holds. */
export class VolunteerContactView {
  name!: string;
  phone!: string | null;
  /** The volunteer's note from their request. */
  note!: string | null;
}

/**
 * How the two people meet, for the person reading it. Details are given only while the session is
 * booked: afterwards `how` alone.
 */
export class SessionMeetingView {
  how!: Modality;
  /**
   * Video: the link both people join by (the therapist's own link, else the room the service made
   * at booking); null when there is none yet.
   */
  url?: string | null;
  /** Phone: who makes the call. Always the therapist, who calls the volunteer. */
  whoCalls?: 'therapist';
  /**
   * Phone: the number the therapist calls (the volunteer's). The volunteer sees their own; the
   * therapist sees it under the same rules as the volunteer's contact details. Null when none is
   * given or it is not shared.
   */
  phone?: string | null;
  /** In person: the address the therapist gave (their town if they gave no address). */
  address?: string | null;
}

/** What the reading person's view adds to a session: names and how to meet. */
export interface SessionDetails {
  therapistName: string | null;
  volunteerName: string | null;
  meeting: SessionMeetingView;
  volunteer?: VolunteerContactView | null;
}

export class SessionView {
  id!: string;
  requestId!: string;
  volunteerId!: string;
  therapistId!: string;
  status!: SessionStatus;
  modality!: Modality;
  startsAt!: ZonedTimeView;
  endsAt!: ZonedTimeView;
  /** Null for the volunteer's free session; n when booked on a coordinator's n-th grant. */
  grantNo!: number | null;
  /** iCalendar SEQUENCE of the invite. */
  sequence!: number;
  cancelledAt!: string | null;
  cancelledBy!: string | null;
  cancelReason!: string | null;
  outcomeAt!: string | null;
  /**
   * The volunteer's answer to a session text: `confirmed` (replied YES), `cannot_attend` (replied
   * NO), or null (no answer yet).
   */
  attendance!: Attendance | null;
  attendanceAt!: string | null;
  createdAt!: string;
  /** The therapist's name; null once their account is erased. */
  therapistName!: string | null;
  /**
   * The volunteer's name: for the volunteer and coordinators; for the therapist under the same
   * rules as `volunteer` (null otherwise).
   */
  volunteerName!: string | null;
  meeting!: SessionMeetingView;
  /** Present for the therapist (under consent, not cancelled) and for coordinators. */
  volunteer?: VolunteerContactView | null;
}

export class SessionPageView {
  items!: SessionView[];
  nextCursor!: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSessionView(s: Session, timezone: string, details: SessionDetails): SessionView {
  return {
    id: s.id,
    requestId: s.requestId,
    volunteerId: s.volunteerId,
    therapistId: s.therapistId,
    status: s.status,
    modality: s.modality,
    startsAt: zonedTime(s.startsAt, timezone),
    endsAt: zonedTime(s.endsAt, timezone),
    grantNo: s.grantNo,
    sequence: s.sequence,
    cancelledAt: iso(s.cancelledAt),
    cancelledBy: s.cancelledBy,
    cancelReason: s.cancelReason,
    outcomeAt: iso(s.outcomeAt),
    attendance: s.attendance,
    attendanceAt: iso(s.attendanceAt),
    createdAt: s.createdAt.toISOString(),
    therapistName: details.therapistName,
    volunteerName: details.volunteerName,
    meeting: details.meeting,
    ...(details.volunteer !== undefined ? { volunteer: details.volunteer } : {}),
  };
}
