import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { BuddyRequest } from './buddy-request.entity';

/** Buddy requests no pairing has answered yet: the coordinator's counts, a volunteer's own. */
@Injectable()
export class OpenBuddyRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open requests made before `cutoff`: still waiting for a buddy. */
  async countOlderThan(cutoff: Date): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM buddy_request WHERE status = 'open' AND created_at < $1`,
      [cutoff],
    );
    return row.n;
  }

  /** Open requests made before `cutoff`, oldest first, at most `limit`. */
  listOlderThan(cutoff: Date, limit: number): Promise<BuddyRequest[]> {
    return this.dataSource.getRepository(BuddyRequest).find({
      where: { status: 'open', createdAt: LessThan(cutoff) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /** The volunteer's open request, if any (at most one: `buddy_request_one_open`). */
  openOf(volunteerId: string, em: EntityManager = this.dataSource.manager) {
    return em.findOneBy(BuddyRequest, { volunteerId, status: 'open' });
  }

  /** Withdraws an open request; false when it was not open any more. */
  async withdraw(id: string, at: Date, em: EntityManager): Promise<boolean> {
    const [, affected] = await em.query<[unknown, number]>(
      `UPDATE buddy_request SET status = 'withdrawn', closed_at = $2 WHERE id = $1 AND status = 'open'`,
      [id, at],
    );
    return affected === 1;
  }

  /** A pairing came from the request; false when it was withdrawn meanwhile. */
  async markPaired(id: string, em: EntityManager): Promise<boolean> {
    const [, affected] = await em.query<[unknown, number]>(
      `UPDATE buddy_request SET status = 'paired' WHERE id = $1 AND status IN ('open', 'paired')`,
      [id],
    );
    return affected === 1;
  }
}
