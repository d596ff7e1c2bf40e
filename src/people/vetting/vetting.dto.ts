import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { VETTING_STATUSES } from '../people.types';
import type { VettingStatus } from '../people.types';
import { trimmed } from '../dto/contact.dto';
import { IsLocalDate } from '../../common/validators';

export class VettingQuery extends PageQuery {
  /** Only people in this status (all when omitted). */
  @IsOptional()
  @IsIn(VETTING_STATUSES)
  status?: VettingStatus;
}

export class VerifyInput {
  /** What was checked, e.g. "BACP register entry seen 2026-11-20". Kept until erasure. */
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  evidence!: string;

  /**
   * First day (UTC) the vetting no longer holds, YYYY-MM-DD. Defaults to one year from today for
   * BACP/UKCP membership, and for buddies to the DBS issue date plus DBS_RECHECK_YEARS (and no
   * later than a year for buddies who are therapists).
   */
  @IsOptional()
  @IsLocalDate()
  expiresOn?: string;
}

export class SuspendInput {
  /** Why; shown to coordinators only, kept until erasure. */
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}

export class RejectInput {
  /** Why, in words for the applicant: they are shown it with their vetting status. */
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason!: string;
}
