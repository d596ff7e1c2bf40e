import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { SessionStatus } from '../session.types';
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
