import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** Runs are kept this long, for operators looking at what ran when. */
const KEEP_DAYS = 7;

/** The `periodic_run` table: one row per task and period, whose insert is the claim. */
@Injectable()
export class PeriodicRunsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the period starting at `slot` for `worker`, answering the attempt number, or null when
   * another worker has it: running, done, or claimed less than `leaseSeconds` ago. A period whose
   * run failed, or whose worker died (its claim older than the lease), is claimed again.
   */
  async claim(
    task: string,
    slot: Date,
    worker: string,
    leaseSeconds: number,
  ): Promise<number | null> {
    const rows = await this.dataSource.query<Array<{ attempts: number }>>(
      `INSERT INTO periodic_run AS r (task, slot, worker) VALUES ($1, $2, $3)
       ON CONFLICT (task, slot) DO UPDATE
          SET worker = EXCLUDED.worker, attempts = r.attempts + 1, started_at = now(), error = NULL
        WHERE r.finished_at IS NULL
          AND (r.error IS NOT NULL OR r.started_at < now() - make_interval(secs => $4))
       RETURNING attempts`,
      [task, slot, worker, leaseSeconds],
    );
    return rows[0]?.attempts ?? null;
  }

  /** Records the end of a claimed run; `attempt` is the claim's token, so a stale run changes nothing. */
  async finish(task: string, slot: Date, attempt: number, result: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE periodic_run SET finished_at = now(), result = $4::jsonb
        WHERE task = $1 AND slot = $2 AND attempts = $3 AND finished_at IS NULL`,
      [task, slot, attempt, JSON.stringify(result ?? null)],
    );
    await this.dataSource.query(
      `DELETE FROM periodic_run WHERE task = $1 AND slot < now() - make_interval(days => $2)`,
      [task, KEEP_DAYS],
    );
  }

  /** Records a failed run, which frees its period for the next look (this worker's or another's). */
  async fail(task: string, slot: Date, attempt: number, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE periodic_run SET error = $4
        WHERE task = $1 AND slot = $2 AND attempts = $3 AND finished_at IS NULL`,
      [task, slot, attempt, error.slice(0, 2000)],
    );
  }
}
