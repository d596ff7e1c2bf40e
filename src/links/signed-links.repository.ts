import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SignedLink } from './signed-link.entity';

/** Expired links deleted per new link: more than are made, so the backlog only shrinks. */
const EXPIRED_BATCH = 20;

@Injectable()
export class SignedLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Saves new links, in one statement however many. Links that can no longer work go as new ones
   * are made, so the table stays the size of what is live: the same person's links to the same
   * object from an older version, and a bounded batch of any that are past their time (by the
   * expiry index; the database's clock, which in production is the service's, and leaves alone
   * the future-dated test runs). A link is minted per text sent, outside any transaction: texts
   * sent together share the statement. A code already saved keeps its row: an invite's stable code
   * (every download of it, even two at once) adds at most one.
   */
  async insert(links: readonly SignedLink[], em: EntityManager = this.dataSource.manager) {
    if (links.length === 0) return;
    const column = <K extends keyof SignedLink>(key: K) => links.map((l) => l[key]);
    await em.query(
      `WITH new AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::uuid[], $5::int[],
                              $6::timestamptz[], $7::text[])
           AS l (code_hash, kind, object_id, person_id, version, expires_at, signature)
       ), older AS (
         DELETE FROM signed_link s USING new
          WHERE s.kind = new.kind AND s.object_id = new.object_id
            AND s.person_id = new.person_id AND s.version < new.version
       ), expired AS (
         DELETE FROM signed_link WHERE code_hash IN (
           SELECT code_hash FROM signed_link WHERE expires_at <= now() ORDER BY expires_at LIMIT $8)
       )
       INSERT INTO signed_link (code_hash, kind, object_id, person_id, version, expires_at, signature)
       SELECT code_hash, kind, object_id, person_id, version, expires_at, signature FROM new
       ON CONFLICT (code_hash) DO NOTHING`,
      [
        column('codeHash'),
        column('kind'),
        column('objectId'),
        column('personId'),
        column('version'),
        column('expiresAt'),
        column('signature'),
        EXPIRED_BATCH * links.length,
      ],
    );
  }

  findByHash(codeHash: string): Promise<SignedLink | null> {
    return this.dataSource.manager.findOneBy(SignedLink, { codeHash });
  }

  /** What export shows: which objects the person has links to, and until when. No codes. */
  personalData(personId: string, em: EntityManager) {
    return em.query<Array<{ kind: string; object_id: string; expires_at: Date }>>(
      `SELECT kind, object_id, expires_at, created_at FROM signed_link
        WHERE person_id = $1 ORDER BY created_at`,
      [personId],
    );
  }

  async deleteForPerson(personId: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM signed_link WHERE person_id = $1`, [personId]);
  }
}
