import type { AuditDetails } from './audit-event.entity';

/** One line of the audit trail as coordinators read it. */
export class AuditEventView {
  id!: string;
  at!: Date;
  actorId!: string | null;
  actorRole!: string | null;
  action!: string;
  targetType!: string | null;
  targetId!: string | null;
  requestId!: string | null;
  /** Ids, codes and reasons only. */
  details!: AuditDetails;
}

export class AuditPageView {
  items!: AuditEventView[];
  nextCursor!: string | null;
}
