import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { smsConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { DomainEvents } from '../common/domain-events.service';
import { IdentityService } from '../identity/identity.service';
import {
  PurposeNotOfferedError,
  StaleVersionError,
  UnknownPurposeError,
  UnknownVersionError,
} from './consent-choice.errors';
import { ConsentMissingError } from './consent-missing.error';
import { ConsentEvent } from './consent-event.entity';
import { ConsentRepository } from './consent.repository';
import { ConsentChannel, ConsentPurpose } from './consent-purpose';
import { ConsentHistoryItem, PurposeCatalogEntry, PurposeState, summarise } from './consent-state';

export interface ConsentRecord {
  purpose: ConsentPurpose;
  /** Version of the text agreed to; defaults to the current one. */
  version?: number;
  granted: boolean;
  channel: ConsentChannel;
  recordedBy?: string | null;
  evidence?: Record<string, string>;
  /** Who made the change, for the audit row; omitted for system channels (e.g. an SMS STOP). */
  actor?: Actor | null;
}

/** A choice a person makes about one purpose, as the API receives it. */
export interface ConsentChoice {
  purpose: string;
  version: number;
  granted: boolean;
}

export interface ConsentOverview {
  purposes: PurposeState[];
  /** Every event, oldest first. */
  history: ConsentHistoryItem[];
}

/**
 * The consent gate and ledger. Other modules call `requireConsent` / `hasConsent` (pass the
 * transaction's manager to read inside it); nothing else decides whether consent holds.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ConsentRepository,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly identity: IdentityService,
    @Inject(smsConfig.KEY) private readonly sms: ConfigType<typeof smsConfig>,
  ) {}

  /**
   * Whether the service uses this purpose now, so people may agree to it: WhatsApp messages only
   * when WHATSAPP_ENABLED. A purpose not offered can still be withdrawn.
   */
  isOffered(purpose: string): boolean {
    return purpose !== (ConsentPurpose.WhatsappMessages as string) || this.sms.whatsapp.enabled;
  }

  /**
   * True when the latest event for the purpose is a grant, to a version no older than the latest
   * version that requires fresh consent.
   */
  async hasConsent(
    userId: string,
    purpose: ConsentPurpose,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return this.repo.latestIsValidGrant(userId, purpose, em);
  }

  /** `hasConsent` for many people at once: those of `userIds` who have it. */
  consentedAmong(
    userIds: readonly string[],
    purpose: ConsentPurpose,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    return this.repo.validGrantsAmong(userIds, purpose, em);
  }

  async requireConsent(userId: string, purpose: ConsentPurpose, em?: EntityManager): Promise<void> {
    if (!(await this.hasConsent(userId, purpose, em))) throw new ConsentMissingError(purpose);
  }

  /**
   * `requireConsent` for several purposes in one query (the same rule per purpose); the first
   * purpose in `purposes` that is not held is the one reported.
   */
  async requireConsents(
    userId: string,
    purposes: ConsentPurpose[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const rows: Array<{ purpose: ConsentPurpose; ok: boolean }> = await em.query(
      `SELECT p.purpose, COALESCE((
                SELECT e.granted AND e.version >= COALESCE(
                         (SELECT max(version) FROM consent_text
                           WHERE purpose = e.purpose AND requires_reconsent), 0)
                  FROM consent_event e
                 WHERE e.subject_id = $1 AND e.purpose = p.purpose
                 ORDER BY e.seq DESC
                 LIMIT 1), false) AS ok
         FROM unnest($2::text[]) AS p(purpose)`,
      [userId, purposes],
    );
    const held = new Set(rows.filter((r) => r.ok).map((r) => r.purpose));
    const missing = purposes.find((p) => !held.has(p));
    if (missing) throw new ConsentMissingError(missing);
  }

  /**
   * Appends a grant or withdrawal and its audit row; publishes `consent.granted` or
   * `consent.withdrawn` in the same transaction, so reactions commit with it.
   */
  async record(userId: string, record: ConsentRecord, em?: EntityManager): Promise<ConsentEvent> {
    if (!em) return this.dataSource.transaction((tx) => this.record(userId, record, tx));
    const version = record.version ?? (await this.currentVersion(record.purpose, em));
    const saved = await this.repo.append(
      {
        subjectId: userId,
        purpose: record.purpose,
        version,
        granted: record.granted,
        channel: record.channel,
        recordedBy: record.recordedBy ?? null,
        evidence: record.evidence ?? {},
      },
      em,
    );
    await this.audit.record(
      {
        actor: record.actor ?? null,
        action: record.granted ? 'consent.granted' : 'consent.withdrawn',
        target: { type: 'account', id: userId },
        details: {
          purpose: record.purpose,
          version,
          channel: record.channel,
          recordedBy: record.recordedBy ?? null,
          consentEventId: saved.id,
        },
      },
      em,
    );
    if (record.granted) {
      await this.events.publish(
        'consent.granted',
        {
          userId,
          purpose: record.purpose,
          version,
        },
        em,
      );
    } else {
      await this.events.publish('consent.withdrawn', { userId, purpose: record.purpose }, em);
    }
    return saved;
  }

  async currentVersion(purpose: ConsentPurpose, em: EntityManager = this.dataSource.manager) {
    const version = await this.repo.latestVersion(purpose, em);
    if (version === null) throw new Error(`No consent text for ${purpose}`);
    return version;
  }

  /** Each purpose with its current text and the version from which consent counts. */
  async catalog(em: EntityManager = this.dataSource.manager): Promise<PurposeCatalogEntry[]> {
    const rows = await this.repo.catalog(em);
    return rows.map((r) => ({
      purpose: r.purpose,
      currentVersion: r.version,
      title: r.title,
      text: r.text,
      requiresReconsent: r.requires_reconsent,
      minimumValidVersion: r.minimum_valid_version,
      publishedAt: r.published_at,
    }));
  }

  /** A person's ledger, oldest first. */
  async history(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ConsentHistoryItem[]> {
    const rows = await this.repo.history(userId, em);
    return rows.map((e) => ({
      id: e.id,
      purpose: e.purpose,
      version: e.version,
      granted: e.granted,
      channel: e.channel,
      recordedBy: e.recordedBy,
      at: e.at,
    }));
  }

  /** Current state per purpose and the full history, read in one snapshot when `em` is one. */
  async overview(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<ConsentOverview> {
    const [catalog, history] = [await this.catalog(em), await this.history(userId, em)];
    return { purposes: summarise(catalog, history), history };
  }

  /**
   * Records a person's choice from the API, checked against the catalog: an unknown purpose or
   * version is a 400; a grant must be to the current version (409 otherwise), while a withdrawal
   * may name any published version, since withdrawing must be as easy as agreeing (Art. 7(3)).
   * Withdrawing what was never granted is still appended: it is harmless and records intent.
   * The subject must be an active account (404 once erased).
   */
  async recordChoice(
    subjectId: string,
    choice: ConsentChoice,
    how: Pick<ConsentRecord, 'channel' | 'recordedBy' | 'evidence' | 'actor'>,
  ): Promise<{ event: ConsentEvent; title: string; state: PurposeState }> {
    return this.dataSource.transaction(async (em) => {
      await this.identity.get(subjectId, em);
      const title = await this.checkChoice(choice, em);
      const event = await this.record(
        subjectId,
        {
          ...how,
          // The catalog has just vouched for it; purposes outside the enum are ones no gate uses yet.
          purpose: choice.purpose as ConsentPurpose,
          version: choice.version,
          granted: choice.granted,
        },
        em,
      );
      const { purposes } = await this.overview(subjectId, em);
      const state = purposes.find((p) => p.purpose === choice.purpose);
      if (!state) throw new Error(`Purpose ${choice.purpose} vanished from the catalog`);
      return { event, title, state };
    });
  }

  /** Throws the 400/409 for a choice the catalog does not allow; answers the version's title. */
  private async checkChoice(choice: ConsentChoice, em: EntityManager): Promise<string> {
    const versions = await this.repo.versions(choice.purpose, em);
    if (versions.length === 0) throw new UnknownPurposeError(choice.purpose);
    const chosen = versions.find((v) => v.version === choice.version);
    if (!chosen) throw new UnknownVersionError(choice.purpose, choice.version);
    const current = versions[0].version;
    if (choice.granted && !this.isOffered(choice.purpose)) {
      throw new PurposeNotOfferedError(choice.purpose, versions[0].title);
    }
    if (choice.granted && choice.version !== current) {
      throw new StaleVersionError(choice.purpose, choice.version, current);
    }
    return chosen.title;
  }
}
