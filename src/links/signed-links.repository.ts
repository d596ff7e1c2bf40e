import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SignedLink } from './signed-link.entity';

@Injectable()
export class SignedLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Saves a new link; the same person's links to the same object that can no longer work (an
   * older version, or past their time) go in the same statement's transaction.
   */
  async insert(link: SignedLink, now: Date, em: EntityManager = this.dataSource.manager) {
    await em.query(
      `DELETE FROM signed_link
        WHERE kind = $1 AND object_id = $2 AND person_id = $3 AND (version < $4 OR expires_at <= $5)`,
      [link.kind, link.objectId, link.personId, link.version, now],
    );
    await em.insert(SignedLink, link);
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
