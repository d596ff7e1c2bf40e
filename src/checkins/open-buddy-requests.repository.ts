import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Position } from '../common/pagination';
import { BuddyRequest } from './buddy-request.entity';

/** Buddy requests no pairing has answered yet: the coordinator's counts, a volunteer's own. */
@Injectable()
export class OpenBuddyRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Requests made before `cutoff` that no pairing (active or ended) came from. */
  async countOlderThan(cutoff: Date): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM buddy_request r
        WHERE r.created_at < $1
          AND NOT EXISTS (SELECT 1 FROM pairing p WHERE p.request_id = r.id)`,
      [cutoff],
    );
    return row.n;
  }

  /**
   * The volunteer's own requests that no pairing came from, newest first, at most `limit`, after
   * a page's last (keyed to the millisecond, as the cursor carries it).
   */
  openOf(volunteerId: string, limit: number, after?: Position): Promise<BuddyRequest[]> {
    const created = `date_trunc('milliseconds', r.created_at)`;
    const q = this.dataSource
      .createQueryBuilder(BuddyRequest, 'r')
      .where('r.volunteer_id = :volunteerId', { volunteerId })
      .andWhere('NOT EXISTS (SELECT 1 FROM pairing p WHERE p.request_id = r.id)')
      .orderBy(created, 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit);
    if (after) q.andWhere(`(${created}, r.id) < (:at, :id)`, { at: after.at, id: after.id });
    return q.getMany();
  }
}
