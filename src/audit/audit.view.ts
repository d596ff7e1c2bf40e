import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from './audit-actions';
import type { AuditAction, AuditTargetType } from './audit-actions';
import type { AuditDetails } from './audit-event.entity';

/**
 * One line of the audit trail as coordinators read it: the row's ids, and the names of the people
 * it names, looked up when read (the row itself holds ids only).
 */
export class AuditEventView {
  id!: string;
  at!: Date;
  /** Null when the service itself acted (an expiry, a failed sign-in with an unknown email). */
  actorId!: string | null;
  /** The actor's role when they acted. */
  actorRole!: string | null;
  /** The actor's name now; null when there is no actor, or their account was erased. */
  actorName!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS })
  action!: AuditAction;
  @ApiProperty({ enum: AUDIT_TARGET_TYPES, nullable: true })
  targetType!: AuditTargetType | null;
  targetId!: string | null;
  /**
   * The person's name now, when the target is an account (a person or their record: consent,
   * vetting, profile); null for other targets, or when that account was erased.
   */
  targetName!: string | null;
  requestId!: string | null;
  /** Ids, codes and reasons only. */
  details!: AuditDetails;
}

export class AuditPageView {
  items!: AuditEventView[];
  nextCursor!: string | null;
}
