import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvents } from '../common/domain-events';
import { ConsentMissingError } from './consent-missing.error';
import { ConsentEvent } from './consent-event.entity';
import { ConsentChannel, ConsentPurpose } from './consent-purpose';

export interface ConsentRecord {
  purpose: ConsentPurpose;
  /** Version of the text agreed to; defaults to the current one. */
  version?: number;
  granted: boolean;
  channel: ConsentChannel;
  recordedBy?: string | null;
  evidence?: Record<string, string>;
}

/**
 * The consent gate and ledger. Other modules call `requireConsent` / `hasConsent` (pass the
 * transaction's manager to read inside it); nothing else decides whether consent holds.
 */
@Injectable()
export class ConsentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /**
   * True when the latest event for the purpose is a grant, to a version no older than the latest
   * version that requires fresh consent.
   */
  async hasConsent(
    userId: string,
    purpose: ConsentPurpose,
    em: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: Array<{ ok: boolean }> = await em.query(
      `SELECT e.granted AND e.version >= COALESCE(
                (SELECT max(version) FROM consent_text
                  WHERE purpose = e.purpose AND requires_reconsent), 0) AS ok
         FROM consent_event e
        WHERE e.subject_id = $1 AND e.purpose = $2
        ORDER BY e.seq DESC
        LIMIT 1`,
      [userId, purpose],
    );
    return rows[0]?.ok === true;
  }

  async requireConsent(userId: string, purpose: ConsentPurpose, em?: EntityManager): Promise<void> {
    if (!(await this.hasConsent(userId, purpose, em))) throw new ConsentMissingError(purpose);
  }

  /** Appends a grant or withdrawal; a withdrawal publishes `consent.withdrawn` in the same transaction. */
  async record(userId: string, record: ConsentRecord, em?: EntityManager): Promise<ConsentEvent> {
    if (!em) return this.dataSource.transaction((tx) => this.record(userId, record, tx));
    const version = record.version ?? (await this.currentVersion(record.purpose, em));
    const event = em.create(ConsentEvent, {
      subjectId: userId,
      purpose: record.purpose,
      version,
      granted: record.granted,
      channel: record.channel,
      recordedBy: record.recordedBy ?? null,
      evidence: record.evidence ?? {},
    });
    const saved = await em.save(event);
    if (record.granted) {
      await this.events.publish(em, 'consent.granted', {
        userId,
        purpose: record.purpose,
        version,
      });
    } else {
      await this.events.publish(em, 'consent.withdrawn', { userId, purpose: record.purpose });
    }
    return saved;
  }

  async currentVersion(purpose: ConsentPurpose, em: EntityManager = this.dataSource.manager) {
    const [row] = await em.query<Array<{ v: number | null }>>(
      `SELECT max(version) AS v FROM consent_text WHERE purpose = $1`,
      [purpose],
    );
    if (row?.v == null) throw new Error(`No consent text for ${purpose}`);
    return row.v;
  }
}
