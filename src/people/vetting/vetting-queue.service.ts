import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { Actor } from '../../common/auth.decorators';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { IdentityService } from '../../identity/identity.service';
import { BuddyProfile } from '../buddy-profile.entity';
import type { VettingStatus } from '../people.types';
import { TherapistProfile } from '../therapist-profile.entity';
import { VettingRepository } from './vetting.repository';
import { VettingQueueItemView, toVettingView } from './vetting.view';

/** The coordinator's list of people to vet. */
@Injectable()
export class VettingQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: VettingRepository,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
  ) {}

  /** The coordinator's queue, oldest first, with what there is to check. Audited as a read. */
  async queue(
    actor: Actor,
    query: { status?: VettingStatus; limit: number; cursor?: string },
  ): Promise<Page<VettingQueueItemView>> {
    const em = this.dataSource.manager;
    const rows = await this.repo.page(query.status, query.limit, decodeCursor(query.cursor), em);
    const ids = rows.slice(0, query.limit).map((r) => r.accountId);
    const therapists = ids.length ? await em.findBy(TherapistProfile, { accountId: In(ids) }) : [];
    const buddies = ids.length ? await em.findBy(BuddyProfile, { accountId: In(ids) }) : [];
    const names = new Map<string, string>();
    const accounts = await this.identity.getMany(ids, em);
    for (const id of ids) names.set(id, accounts.get(id)?.name ?? '');
    await this.audit.recordRead(actor, 'vetting.listed', ids);
    return toPage(
      rows,
      query.limit,
      (v) => ({ at: v.statusSince, id: v.accountId }),
      (v) => {
        const t = therapists.find((p) => p.accountId === v.accountId);
        const b = buddies.find((p) => p.accountId === v.accountId);
        return {
          ...toVettingView(v),
          name: names.get(v.accountId) ?? '',
          membershipBody: t?.membershipBody ?? b?.membershipBody ?? null,
          membershipNumber: t?.membershipNumber ?? b?.membershipNumber ?? null,
          buddyKind: b?.kind ?? null,
          dbsLevel: b?.dbsLevel ?? null,
          dbsCertificateNumber: b?.dbsCertificateNumber ?? null,
          dbsIssuedOn: b?.dbsIssuedOn ?? null,
          dbsUpdateService: b?.dbsUpdateService ?? null,
        };
      },
    );
  }
}
