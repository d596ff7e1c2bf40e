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
  /** Present for the therapist (under consent, not cancelled) and for coordinators. */
  volunteer?: VolunteerContactView | null;
}

export class SessionPageView {
  items!: SessionView[];
  nextCursor!: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSessionView(
  s: Session,
  timezone: string,
  volunteer?: VolunteerContactView | null,
): SessionView {
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
    ...(volunteer !== undefined ? { volunteer } : {}),
  };
}
