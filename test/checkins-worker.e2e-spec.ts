import { AppRole } from '../config/configuration';
import { createCoordinator, createTestApp, TestApp } from './app';
import { TestClock } from './clock';
import { paired, verifiedBuddy } from './factories/checkins';
import { isolateDatabaseAndRedis } from './isolated-env';
import { eventually } from './notifications.fixtures';

/**
 * The worker's call planning on its periodic schedule (one second here). A worker of its own
 * database and Redis prefix: its SMS delivery and sweeper then touch only this file's rows.
 */
describe('check-ins worker', () => {
  const clock = new TestClock('2027-03-01T09:00:00Z');
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('checkins_worker');
    process.env.SCHEDULE_CALL_PLANNING_SECONDS = '1';
    t = await createTestApp({ clock, role: AppRole.Worker });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.drop();
  });

  const runs = () =>
    t.db.query<Array<{ slot: Date; result: { ended: number; added: number } }>>(
      `SELECT slot, result FROM periodic_run
        WHERE task = 'call-planning' AND finished_at IS NOT NULL ORDER BY slot`,
    );
  const callsOf = async (pairingId: string) =>
    (
      await t.db.query<Array<{ starts_at: Date }>>(
        `SELECT starts_at FROM checkin WHERE pairing_id = $1 ORDER BY starts_at`,
        [pairingId],
      )
    ).map((r) => r.starts_at.toISOString().slice(0, 10));

  it('ends finished pairings and plans the next calls on the clock’s now, in one run', async () => {
    const coordinator = await createCoordinator(t);
    const buddy = await verifiedBuddy(t, coordinator, { maxActivePairings: 2 });
    const ongoing = (await paired(t, buddy)).pairing;
    const ending = (await paired(t, buddy, { endsOn: '2027-03-13' })).pairing;
    expect(await callsOf(ending.id)).toEqual(['2027-03-06', '2027-03-13']);
    expect(await callsOf(ongoing.id)).toHaveLength(8); // Saturdays 6 March to 24 April

    clock.set('2027-03-15T09:00:00Z'); // the ending pairing's last call is past
    const working = await eventually(runs, (rows) =>
      rows.some((r) => r.result.ended > 0 || r.result.added > 0),
    );
    const [done] = working.filter((r) => r.result.ended > 0 || r.result.added > 0);
    expect(done.result).toEqual({ ended: 1, added: 2 }); // 1 and 8 May come within the horizon
    expect(await callsOf(ongoing.id)).toEqual([
      '2027-03-06',
      '2027-03-13',
      '2027-03-20',
      '2027-03-27',
      '2027-04-03',
      '2027-04-10',
      '2027-04-17',
      '2027-04-24',
      '2027-05-01',
      '2027-05-08',
    ]);
    const [{ status }] = await t.db.query<Array<{ status: string }>>(
      `SELECT status FROM pairing WHERE id = $1`,
      [ending.id],
    );
    expect(status).toBe('ended');

    // The next periods find nothing more to do.
    const later = await eventually(runs, (rows) => rows.some((r) => r.slot > done.slot));
    expect(later.filter((r) => r.slot > done.slot).map((r) => r.result)).toEqual(
      later.filter((r) => r.slot > done.slot).map(() => ({ ended: 0, added: 0 })),
    );
  });
});
