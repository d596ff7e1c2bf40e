import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per run of a periodic task (SMS sweep, call planning, vetting expiry) and period. The
 * primary key is the claim: of N workers reaching the same period, one inserts the row and runs
 * the task; `attempts` counts the claims of that period (a retry after a failure, or after a
 * worker died mid-run), so two workers running one period would show as 2.
 */
export class PeriodicRun1795680000000 implements MigrationInterface {
  name = 'PeriodicRun1795680000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE periodic_run (
        task text NOT NULL,
        slot timestamptz NOT NULL,
        worker text NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        result jsonb,
        error text,
        PRIMARY KEY (task, slot)
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE periodic_run`);
  }
}
