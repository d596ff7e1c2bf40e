import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import type { Modality } from '../../people/people.types';
import { SessionStatus } from '../session.types';
import { ZonedTimeView } from '../../common/time/zoned-time.view';
import { IsIanaZone, IsInstant } from '../../common/validators';

export class BookSessionDto {
  @IsUUID()
  requestId!: string;

  @IsUUID()
  therapistId!: string;

  /** One of the therapist's free slots (ISO 8601 with offset). */
  @IsInstant()
  startsAt!: string;
}

export class RescheduleSessionDto {
  @IsInstant()
  startsAt!: string;
}

export class CancelSessionDto {
  /** Shown to the other participant; keep it short and free of health details. */
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class SessionOutcomeDto {
  @IsIn([SessionStatus.Completed, SessionStatus.NoShow])
  status!: SessionStatus.Completed | SessionStatus.NoShow;
}

export class TimeZoneQuery {
  /** IANA zone for the local times in the answer; defaults to your own. */
  @IsOptional()
  @IsIanaZone()
  tz?: string;
}

export class SessionListQuery extends PageQuery {
  /** IANA zone for the local times in the answer; defaults to your own. */
  @IsOptional()
  @IsIanaZone()
  tz?: string;

  @IsOptional()
  @IsIn(Object.values(SessionStatus))
  status?: SessionStatus;
}

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
  createdAt!: string;
  /** Present for the therapist (under consent, not cancelled) and for coordinators. */
  volunteer?: VolunteerContactView | null;
}

export class SessionPageView {
  items!: SessionView[];
  nextCursor!: string | null;
}
