import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Session requests nobody has booked from yet, for the coordinator's counts. */
@Injectable()
export class OpenSessionRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Requests made before `cutoff` with no session booked, held or done from them. */
  async countOlderThan(cutoff: Date): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM session_request r
        WHERE r.created_at < $1
          AND NOT EXISTS (
            SELECT 1 FROM session s WHERE s.request_id = r.id AND s.status <> 'cancelled')`,
      [cutoff],
    );
    return row.n;
  }
}
