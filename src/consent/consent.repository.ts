import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsentEvent } from './consent-event.entity';
import { ConsentPurpose } from './consent-purpose';

/** A purpose's current text, as the catalog query answers it. */
export interface CatalogRow {
  purpose: string;
  version: number;
  title: string;
  text: string;
  requires_reconsent: boolean;
  published_at: Date;
  minimum_valid_version: number;
}

/** The consent ledger's queries, named; every method runs on the caller's manager. */
@Injectable()
export class ConsentRepository {
  /**
   * True when the latest event for the purpose is a grant, to a version no older than the latest
   * version that requires fresh consent.
   */
  async latestIsValidGrant(
    userId: string,
    purpose: ConsentPurpose,
    em: EntityManager,
  ): Promise<boolean> {
    return (await this.validGrantsAmong([userId], purpose, em)).has(userId);
  }

  /** Those of `userIds` whose latest event for the purpose is a valid grant, in one query. */
  async validGrantsAmong(
    userIds: readonly string[],
    purpose: ConsentPurpose,
    em: EntityManager,
  ): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT u.id
         FROM unnest($1::uuid[]) AS u (id)
         CROSS JOIN LATERAL (
               SELECT e.granted, e.version FROM consent_event e
                WHERE e.subject_id = u.id AND e.purpose = $2
                ORDER BY e.seq DESC
                LIMIT 1) e
        WHERE e.granted AND e.version >= COALESCE(
                (SELECT max(version) FROM consent_text
                  WHERE purpose = $2 AND requires_reconsent), 0)`,
      [[...new Set(userIds)], purpose],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** The newest version of the purpose's text; null when it has none. */
  async latestVersion(purpose: ConsentPurpose, em: EntityManager): Promise<number | null> {
    const [row] = await em.query<Array<{ v: number | null }>>(
      `SELECT max(version) AS v FROM consent_text WHERE purpose = $1`,
      [purpose],
    );
    return row?.v ?? null;
  }

  /** The versions of the purpose's text, newest first. */
  versions(purpose: string, em: EntityManager): Promise<Array<{ version: number; title: string }>> {
    return em.query<Array<{ version: number; title: string }>>(
      `SELECT version, title FROM consent_text WHERE purpose = $1 ORDER BY version DESC`,
      [purpose],
    );
  }

  /** Each purpose's newest text with the version from which consent counts. */
  catalog(em: EntityManager): Promise<CatalogRow[]> {
    return em.query<CatalogRow[]>(
      `SELECT DISTINCT ON (t.purpose)
              t.purpose, t.version, t.title, t.text, t.requires_reconsent, t.published_at,
              COALESCE((SELECT max(r.version) FROM consent_text r
                         WHERE r.purpose = t.purpose AND r.requires_reconsent), 1)
                AS minimum_valid_version
         FROM consent_text t
        ORDER BY t.purpose, t.version DESC`,
    );
  }

  /** A person's events, oldest first. */
  history(userId: string, em: EntityManager): Promise<ConsentEvent[]> {
    return em.find(ConsentEvent, { where: { subjectId: userId }, order: { seq: 'ASC' } });
  }

  append(event: Omit<ConsentEvent, 'id' | 'seq' | 'at'>, em: EntityManager): Promise<ConsentEvent> {
    return em.save(em.create(ConsentEvent, event));
  }
}
