import { Injectable } from '@nestjs/common';
import { AuditQuery } from '../audit/audit-query.dto';
import { AuditAction, AuditTargetType } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { AuditPageView } from '../audit/audit.view';
import { Actor } from '../common/auth.decorators';
import { IdentityService } from '../identity/identity.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The audit trail with names: rows hold ids only (DESIGN invariant 10), so the names of who acted
 * and of the person acted on are looked up as the page is read, in one query for the whole page.
 */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly audit: AuditService,
    private readonly identity: IdentityService,
  ) {}

  async list(reader: Actor, query: AuditQuery): Promise<AuditPageView> {
    const { hideMyReads, ...filter } = query;
    const page = await this.audit.list({
      ...filter,
      hideReadsBy: hideMyReads === 'true' ? reader.id : undefined,
    });
    // A target id is free text in the table: only a uuid can name an account.
    const people = page.items.flatMap((r) => [
      ...(r.actorId ? [r.actorId] : []),
      ...(r.targetType === 'account' && UUID.test(r.targetId ?? '') ? [r.targetId!] : []),
    ]);
    const names = await this.identity.getMany([...new Set(people)]);
    const nameOf = (id: string | null) => (id ? (names.get(id)?.name ?? null) : null);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => ({
        ...r,
        action: r.action as AuditAction,
        targetType: r.targetType as AuditTargetType | null,
        actorName: nameOf(r.actorId),
        targetName: r.targetType === 'account' ? (names.get(r.targetId ?? '')?.name ?? null) : null,
      })),
    };
  }
}
