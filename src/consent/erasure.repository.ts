import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { Erasure } from './erasure.entity';

export interface ErasureView {
  id: string;
  subjectId: string;
  requestedBy: string;
  parts: string[];
  at: Date;
}

const view = (e: Erasure): ErasureView => ({
  id: e.id,
  subjectId: e.subjectId,
  requestedBy: e.requestedBy,
  parts: e.parts,
  at: e.at,
});

@Injectable()
export class ErasureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the erasure of a subject: inserts its row, or answers null when one exists. A second,
   * concurrent request waits on the first one's row and then sees it, so parts run only once.
   */
  async claim(
    subjectId: string,
    requestedBy: string,
    parts: string[],
    em: EntityManager,
  ): Promise<ErasureView | null> {
    const rows = await em.query<Erasure[]>(
      `INSERT INTO erasure (subject_id, requested_by, parts) VALUES ($1, $2, $3)
       ON CONFLICT ON CONSTRAINT erasure_subject_key DO NOTHING
       RETURNING id, subject_id AS "subjectId", requested_by AS "requestedBy", parts, at`,
      [subjectId, requestedBy, parts],
    );
    return rows[0] ? view(rows[0]) : null;
  }

  async findBySubject(subjectId: string, em: EntityManager): Promise<ErasureView | null> {
    const row = await em.findOneBy(Erasure, { subjectId });
    return row ? view(row) : null;
  }

  /** Newest first. */
  async page(limit: number, cursor?: string): Promise<Page<ErasureView>> {
    const after = decodeCursor(cursor);
    const q = this.dataSource
      .getRepository(Erasure)
      .createQueryBuilder('e')
      .orderBy('e.at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1);
    if (after) q.andWhere('(e.at, e.id) < (:at, :id)', { at: after.at, id: after.id });
    return toPage(await q.getMany(), limit, (e) => e, view);
  }
}
