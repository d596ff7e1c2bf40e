import { ApiProperty } from '@nestjs/swagger';
import { VETTING_STATUSES } from '../people.types';
import type { VettedRole, VettingStatus } from '../people.types';
import type { VettingDecisionKind } from './vetting-decision.entity';
import { Vetting } from './vetting.entity';

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

export const toVettingView = (v: Vetting): VettingView => ({
  userId: v.accountId,
  role: v.role,
  vettingStatus: v.status,
  vettingExpiresOn: v.expiresOn,
  since: v.statusSince,
  verifiedBy: v.verifiedBy,
  verifiedAt: v.verifiedAt,
  suspendedAt: v.suspendedAt,
});
