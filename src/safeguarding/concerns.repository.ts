import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor } from '../common/pagination';
import { ConcernEntry } from './concern-entry.entity';
import { ConcernStatus } from './concern-types';
import { Concern } from './concern.entity';

export interface ConcernFilter {
  /** Only concerns this account reported. */
  reporterId?: string;
  status?: ConcernStatus;
  limit: number;
  cursor?: string;
}

@Injectable()
export class ConcernsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a concern; answers false when its check-in already raised one (nothing written). */
  async insert(concern: Partial<Concern> & { id: string }, em: EntityManager): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .insert()
      .into(Concern)
      .values(concern)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  async addEntry(entry: Partial<ConcernEntry>, em: EntityManager): Promise<void> {
    await em.insert(ConcernEntry, entry);
  }

  find(id: string, em: EntityManager = this.dataSource.manager): Promise<Concern | null> {
    return em.findOneBy(Concern, { id });
  }

  /** The concern, its row locked until the transaction ends, so triage steps queue up. */
  findForUpdate(id: string, em: EntityManager): Promise<Concern | null> {
    return em
      .getRepository(Concern)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id = :id', { id })
      .getOne();
  }

  async setStatus(id: string, status: ConcernStatus, em: EntityManager): Promise<void> {
    await em.update(Concern, { id }, { status });
  }

  async touch(id: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE concern SET updated_at = now() WHERE id = $1`, [id]);
  }

  history(concernId: string, em: EntityManager): Promise<ConcernEntry[]> {
    return em.find(ConcernEntry, { where: { concernId }, order: { seq: 'ASC' } });
  }

  /** Newest first; limit + 1 rows, for toPage. */
  page(filter: ConcernFilter, em: EntityManager = this.dataSource.manager): Promise<Concern[]> {
    const after = decodeCursor(filter.cursor);
    const q = em
      .getRepository(Concern)
      .createQueryBuilder('c')
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.reporterId) q.andWhere('c.reporter_id = :reporter', { reporter: filter.reporterId });
    if (filter.status) q.andWhere('c.status = :status', { status: filter.status });
    if (after) q.andWhere('(c.created_at, c.id) < (:at, :id)', { at: after.at, id: after.id });
    return q.getMany();
  }

  reportedBy(userId: string, em: EntityManager): Promise<Concern[]> {
    return em.find(Concern, { where: { reporterId: userId }, order: { createdAt: 'ASC' } });
  }

  /** Takes the reporter's account id off their reports, putting one shared pseudonym in its place. */
  async pseudonymiseReporter(userId: string, pseudonym: string, em: EntityManager) {
    await em.query(
      `UPDATE concern SET reporter_id = NULL, reporter_pseudonym = $2, updated_at = now()
        WHERE reporter_id = $1`,
      [userId, pseudonym],
    );
  }
}
