import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
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

  /** The volunteer's own requests that no pairing came from, newest first, at most `limit`. */
  openOf(volunteerId: string, limit: number): Promise<BuddyRequest[]> {
    return this.dataSource
      .createQueryBuilder(BuddyRequest, 'r')
      .where('r.volunteer_id = :volunteerId', { volunteerId })
      .andWhere('NOT EXISTS (SELECT 1 FROM pairing p WHERE p.request_id = r.id)')
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getMany();
  }
}
