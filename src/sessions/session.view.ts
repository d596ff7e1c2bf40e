import { zonedTime } from '../common/time/zoned-time.view';
import { SessionView, VolunteerContactView } from './dto/session.dto';
import { Session } from './session.entity';

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
    createdAt: s.createdAt.toISOString(),
    ...(volunteer !== undefined ? { volunteer } : {}),
  };
}
