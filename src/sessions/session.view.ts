import { DateTime } from 'luxon';
import { SessionDto, VolunteerContactDto, ZonedTimeDto } from './dto/session.dto';
import { Session } from './session.entity';

export const zoned = (at: Date, timezone: string): ZonedTimeDto => ({
  utc: at.toISOString(),
  local: DateTime.fromJSDate(at, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '',
  timezone,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSessionDto(
  s: Session,
  timezone: string,
  volunteer?: VolunteerContactDto | null,
): SessionDto {
  return {
    id: s.id,
    requestId: s.requestId,
    volunteerId: s.volunteerId,
    therapistId: s.therapistId,
    status: s.status,
    modality: s.modality,
    startsAt: zoned(s.startsAt, timezone),
    endsAt: zoned(s.endsAt, timezone),
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
