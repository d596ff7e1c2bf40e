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
   * Saves a new link. Links that can no longer work go as new ones are made, so the table stays
   * the size of what is live: the same person's links to the same object from an older version,
   * and a bounded batch of any that are past their time (by the expiry index; the database's
   * clock, which in production is the service's, and leaves alone the future-dated test runs).
   */
  async insert(link: SignedLink, em: EntityManager = this.dataSource.manager) {
    // One statement: a link is minted per text sent, outside any transaction, so each extra
    // statement was another round trip and another commit on the reminder path.
    await em.query(
      `WITH older AS (
         DELETE FROM signed_link
          WHERE kind = $1 AND object_id = $2 AND person_id = $3 AND version < $4
       ), expired AS (
         DELETE FROM signed_link WHERE code_hash IN (
           SELECT code_hash FROM signed_link WHERE expires_at <= now() ORDER BY expires_at LIMIT $8)
       )
       INSERT INTO signed_link (code_hash, kind, object_id, person_id, version, expires_at, signature)
       VALUES ($5, $1, $2, $3, $4, $6, $7)`,
      [
        link.kind,
        link.objectId,
        link.personId,
        link.version,
        link.codeHash,
        link.expiresAt,
        link.signature,
        EXPIRED_BATCH,
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
