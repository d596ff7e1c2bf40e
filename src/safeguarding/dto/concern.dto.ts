import {
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsInstant } from '../../common/validators';
import { ConcernCategory, ConcernStatus, ConcernUrgency } from '../concern-types';

export class RaiseConcernDto {
  /** The registered person the concern is about. Give exactly one of this and subjectDescription. */
  @IsOptional()
  @IsUUID()
  subjectUserId?: string;

  /**
   * Who the concern is about when they are not registered: enough for a coordinator to act. Null
   * is refused (400 naming the field) rather than left to the database, so the reporter learns
   * what to fix instead of losing the report.
   */
  @ValidateIf((dto: RaiseConcernDto) => dto.subjectDescription !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  subjectDescription?: string;

  @IsEnum(ConcernCategory)
  category!: ConcernCategory;

  /** What happened, in your words. Encrypted at rest; only coordinators read it. */
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  details!: string;

  /** Where it happened (camp, town, online ...). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  location?: string;

  /** When it happened, ISO 8601 with offset, if known. */
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  /** `urgent` alerts the on-call coordinators at once. */
  @IsEnum(ConcernUrgency)
  urgency!: ConcernUrgency;
}

const TRIAGE_TARGETS = [ConcernStatus.Triaged, ConcernStatus.Referred, ConcernStatus.Closed];

export class TriageConcernDto {
  /** Next status: open -> triaged -> referred -> closed (or triaged -> closed). Others: 409. */
  @ValidateIf((dto: TriageConcernDto) => dto.status !== undefined)
  @IsIn(TRIAGE_TARGETS)
  status?: ConcernStatus;

  /** Why; required with a status change. */
  @ValidateIf((dto: TriageConcernDto) => dto.status !== undefined || dto.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;

  /** The organisation or authority referred to; required with, and only with, status referred. */
  @ValidateIf(
    (dto: TriageConcernDto) =>
      dto.status === ConcernStatus.Referred || dto.referredTo !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  referredTo?: string;

  /** A coordinator's note; never shown to the reporter. Omit it for none (null is refused). */
  @ValidateIf((dto: TriageConcernDto) => dto.note !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  note?: string;
}

export class ConcernQuery extends PageQuery {
  @IsOptional()
  @IsEnum(ConcernStatus)
  status?: ConcernStatus;
}
