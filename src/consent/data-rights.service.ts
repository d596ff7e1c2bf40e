import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DataRights } from '../common/data-rights.service';
import { Page } from '../common/pagination';
import { IdentityService } from '../identity/identity.service';
import { ConsentOverview, ConsentService } from './consent.service';
import { ErasureRepository, ErasureView } from './erasure.repository';

export interface PersonalDataExport {
  exportedAt: Date;
  account: {
    id: string;
    email: string | null;
    role: string;
    name: string;
    phone: string | null;
    timezone: string;
    createdAt: Date;
  };
  consents: ConsentOverview;
  /** Each module's part, by its name (profile, sessions, pairings, concerns, ...). */
  parts: Record<string, unknown>;
}

/**
 * A person's rights of access, portability (Art. 15/20) and erasure (Art. 17), built from the
 * parts every module registers with DataRights, so a new module adds its data without touching this.
 */
@Injectable()
export class DataRightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DataRights,
    private readonly identity: IdentityService,
    private readonly consent: ConsentService,
    private readonly erasures: ErasureRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Everything held about the caller, read in one snapshot. */
  export(actor: Actor): Promise<PersonalDataExport> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const a = await this.identity.get(actor.id, em);
      const consents = await this.consent.overview(actor.id, em);
      const parts: Record<string, unknown> = {};
      for (const part of this.registry.all()) parts[part.name] = await part.export(actor.id, em);
      await this.audit.record(
        {
          actor,
          action: 'data.exported',
          target: { type: 'account', id: actor.id },
          details: { parts: Object.keys(parts) },
        },
        em,
      );
      return {
        exportedAt: this.clock.now(),
        account: {
          id: a.id,
          email: a.email,
          role: a.role,
          name: a.name,
          phone: a.phone,
          timezone: a.timezone,
          createdAt: a.createdAt,
        },
        consents,
        parts,
      };
    });
  }

  /**
   * Erases the caller's personal data in one transaction: every registered part cancels what is in
   * the future and anonymises what it keeps, then the account loses its email, password, name and
   * phone for good. The account id stays as the pseudonym under which the consent ledger and
   * safeguarding records are kept. A repeated request answers the first erasure unchanged.
   */
  erase(actor: Actor): Promise<ErasureView> {
    return this.dataSource.transaction(async (em) => {
      const names = this.registry.all().map((p) => p.name);
      const claimed = await this.erasures.claim(actor.id, actor.id, names, em);
      if (!claimed) {
        const done = await this.erasures.findBySubject(actor.id, em);
        if (done) return done;
        throw new Error('Erasure neither claimed nor found');
      }
      for (const part of this.registry.all()) await part.erase(actor.id, em);
      await this.identity.anonymise(actor.id, em);
      await this.audit.record(
        {
          actor,
          action: 'data.erased',
          target: { type: 'account', id: actor.id },
          details: { erasureId: claimed.id, parts: names },
        },
        em,
      );
      return claimed;
    });
  }

  list(limit: number, cursor?: string): Promise<Page<ErasureView>> {
    return this.erasures.page(limit, cursor);
  }
}
