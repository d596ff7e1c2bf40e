import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Buddy requests no pairing has answered yet, for the coordinator's counts. */
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
}
