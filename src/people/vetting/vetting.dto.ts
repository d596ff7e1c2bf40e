import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { VETTING_STATUSES } from '../people.types';
import type { VettedRole, VettingStatus } from '../people.types';
import type { VettingDecisionKind } from './vetting-decision.entity';
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

export class VettingView {
  userId!: string;
  role!: VettedRole;
  @ApiProperty({ enum: VETTING_STATUSES })
  vettingStatus!: VettingStatus;
  @ApiProperty({ type: String, nullable: true })
  vettingExpiresOn!: string | null;
  /** When the current status began. */
  since!: Date;
  verifiedBy!: string | null;
  verifiedAt!: Date | null;
  suspendedAt!: Date | null;
}

export class VettingDecisionView {
  id!: string;
  decision!: VettingDecisionKind;
  @ApiProperty({ enum: VETTING_STATUSES, nullable: true })
  fromStatus!: VettingStatus | null;
  @ApiProperty({ enum: VETTING_STATUSES })
  toStatus!: VettingStatus;
  decidedBy!: string | null;
  decidedAt!: Date;
  @ApiProperty({ type: String, nullable: true })
  expiresOn!: string | null;
  /** Evidence or reason; null once erased. */
  @ApiProperty({ type: String, nullable: true })
  note!: string | null;
}

/** One applicant in the coordinator's queue, with what there is to check. */
export class VettingQueueItemView extends VettingView {
  name!: string;
  membershipBody!: string | null;
  membershipNumber!: string | null;
  buddyKind!: string | null;
  dbsLevel!: string | null;
  dbsCertificateNumber!: string | null;
  dbsIssuedOn!: string | null;
  dbsUpdateService!: boolean | null;
}

export class VettingPageView {
  items!: VettingQueueItemView[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor!: string | null;
}
