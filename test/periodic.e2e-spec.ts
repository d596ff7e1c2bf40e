import { Test, TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppRole } from '../config/configuration';
import { AppModule } from '../src/app.module';
import { CallMaterialiser } from '../src/checkins/call-materialiser.service';
import { SweeperService } from '../src/notifications/sweeper.service';
import { VettingService } from '../src/people/vetting/vetting.service';
import { isolateDatabaseAndRedis } from './isolated-env';
import { eventually } from './notifications.fixtures';

const TASKS = ['sms-sweep', 'call-planning', 'vetting-expiry'] as const;
type Task = (typeof TASKS)[number];
const PERIODS = 5;

interface Worker {
  module: TestingModule;
  /** How often this worker ran each task's work. */
  runs(): Record<Task, number>;
}

/**
 * Periodic work across several worker processes: each period of each task runs once, on one
 * worker, and PostgreSQL records it. Every task runs each second here.
 */
describe('periodic tasks', () => {
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  /** A connection of the test's own, which outlives the workers'. */
  let db: DataSource;
  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('periodic');
    db = await new DataSource({ type: 'postgres', url: env.databaseUrl }).initialize();
    Object.assign(process.env, {
      SCHEDULE_SMS_SWEEP_SECONDS: '1',
      SCHEDULE_CALL_PLANNING_SECONDS: '1',
      SCHEDULE_VETTING_EXPIRY_SECONDS: '1',
    });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await db?.destroy();
    await env?.drop();
  });

  /** A worker process as main.ts starts one, counting the runs of each task's work from its start. */
  async function startWorker(): Promise<Worker> {
    const module = await Test.createTestingModule({
      imports: [AppModule.forRole(AppRole.Worker)],
    }).compile();
    const spies = {
      'sms-sweep': jest.spyOn(module.get(SweeperService), 'sweep'),
      'call-planning': jest.spyOn(module.get(CallMaterialiser), 'materialise'),
      'vetting-expiry': jest.spyOn(module.get(VettingService), 'expireLapsed'),
    };
    await module.init();
    return {
      module,
      runs: () =>
        Object.fromEntries(TASKS.map((task) => [task, spies[task].mock.calls.length])) as Record<
          Task,
          number
        >,
    };
  }

  it('runs each period of each task on exactly one of two workers', async () => {
    const workers = await Promise.all([startWorker(), startWorker()]);
    const runs = () =>
      db.query<Array<{ task: Task; slot: Date; attempts: number; finished: boolean }>>(
        `SELECT task, slot, attempts, finished_at IS NOT NULL AS finished FROM periodic_run`,
      );
    try {
      await eventually(
        runs,
        (rows) => TASKS.every((task) => rows.filter((r) => r.task === task).length >= PERIODS),
        60_000,
      );
    } finally {
      // Stops the timers and waits for runs under way, which record their end.
      await Promise.all(workers.map((w) => w.module.close()));
    }

    const rows = await runs();
    for (const task of TASKS) {
      const ofTask = rows.filter((r) => r.task === task);
      // One claim per period, each run to its end...
      expect(ofTask.map((r) => [r.attempts, r.finished])).toEqual(ofTask.map(() => [1, true]));
      // ...and the work ran exactly as often, summed over both workers: never twice a period.
      expect(workers[0].runs()[task] + workers[1].runs()[task]).toBe(ofTask.length);
    }
  });

  it('runs a daily task at once when its day has not run yet, and not again after a restart', async () => {
    process.env.SCHEDULE_VETTING_EXPIRY_SECONDS = '86400'; // periods are UTC days
    const today = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);
    const todays = () =>
      db.query<Array<{ attempts: number; finished: boolean }>>(
        `SELECT attempts, finished_at IS NOT NULL AS finished FROM periodic_run
          WHERE task = 'vetting-expiry' AND slot = $1`,
        [today],
      );
    const first = await startWorker();
    try {
      await eventually(todays, (rows) => rows[0]?.finished === true);
    } finally {
      await first.module.close();
    }
    expect(first.runs()['vetting-expiry']).toBe(1);

    const restarted = await startWorker();
    try {
      // It looked at every task when it started: by its second sweep, it has seen today done.
      await eventually(restarted.runs, (runs) => runs['sms-sweep'] >= 2);
    } finally {
      await restarted.module.close();
    }
    expect(restarted.runs()['vetting-expiry']).toBe(0);
    expect(await todays()).toEqual([{ attempts: 1, finished: true }]);
  });
});
