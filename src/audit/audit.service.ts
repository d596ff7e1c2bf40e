import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/auth.decorators';
import { currentRequestId } from '../common/request-context';
import { decodeCursor, Page, toPage } from '../common/pagination';
import {
  AUDIT_READS,
  AuditAction,
  AuditChangeAction,
  AuditReadAction,
  AuditTargetOf,
} from './audit-actions';
import { AuditDetails, AuditEvent } from './audit-event.entity';

/**
 * One change to write; its target, when it has one, is of the type its action names. Reads go
 * through `recordRead` instead.
 */
export type AuditEntry = {
  [A in AuditChangeAction]: {
    /** Who did it; the zone an HTTP caller carries is not recorded. */
    actor: Pick<Actor, 'id' | 'role'> | null;
    action: A;
    target?: { type: AuditTargetOf<A>; id: string };
    /** Ids, codes and reasons only: never names, emails, phone numbers or free text about a person. */
    details?: AuditDetails;
  };
}[AuditChangeAction];

export interface AuditView {
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  details: AuditDetails;
}

export interface AuditFilter {
  actor?: string;
  target?: string;
  from?: string;
  to?: string;
  /** Leave out the reads (`AUDIT_READS`) this account made. */
  hideReadsBy?: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes one audit row; pass the transaction's manager so it commits with the change. */
  async record(entry: AuditEntry, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.insert(AuditEvent, row(entry, currentRequestId() ?? null));
  }

  /**
   * A coordinator's read of records about people: one row per record read, the record's id as its
   * target, so the audit search for an id (`GET /v1/audit?target=`) finds every read of it, from a
   * list or on its own. One statement; nothing is written for an empty read.
   */
  async recordRead(
    actor: Actor,
    action: AuditReadAction,
    ids: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (ids.length === 0) return;
    const requestId = currentRequestId() ?? null;
    const type = AUDIT_READS[action];
    await em.insert(
      AuditEvent,
      [...new Set(ids)].map((id) => row({ actor, action, target: { type, id } }, requestId)),
    );
  }

  async list(filter: AuditFilter): Promise<Page<AuditView>> {
    const after = decodeCursor(filter.cursor);
    const q = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('a')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.actor) q.andWhere('a.actor_id = :actor', { actor: filter.actor });
    if (filter.target) q.andWhere('a.target_id = :target', { target: filter.target });
    if (filter.from) q.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('a.at < :to', { to: filter.to });
    if (filter.hideReadsBy) {
      q.andWhere('NOT (a.actor_id IS NOT DISTINCT FROM :reader AND a.action IN (:...reads))', {
        reader: filter.hideReadsBy,
        reads: Object.keys(AUDIT_READS),
      });
    }
    if (after) q.andWhere('(a.at, a.id) < (:at, :id)', { at: after.at, id: after.id });
    const rows = await q.getMany();
    return toPage(
      rows,
      filter.limit,
      (r) => r,
      (r) => ({ ...r }),
    );
  }
}

function row(
  entry: {
    actor: Pick<Actor, 'id' | 'role'> | null;
    action: AuditAction;
    target?: { type: string; id: string };
    details?: AuditDetails;
  },
  requestId: string | null,
) {
  return {
    actorId: entry.actor?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    requestId,
    details: entry.details ?? {},
  };
}
