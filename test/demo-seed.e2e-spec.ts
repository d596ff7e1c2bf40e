import { Role } from '../src/common/auth.decorators';
import { DEMO_DOMAIN, DEMO_PASSWORD, DemoSummary, seedDemo } from '../src/demo-seed';
import { createTestApp, TestApp, testIp } from './app';
import { isolateDatabaseAndRedis } from './isolated-env';

/**
 * The demo world, made in a database of this file's own: its verified therapists and buddies
 * would otherwise turn up in other files' match lists.
 */
describe('npm run seed:demo', () => {
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('demo_seed');
    t = await createTestApp();
    summary = await seedDemo(t.app);
  }, 300_000);

  afterAll(async () => {
    await t?.close();
    await env?.flushRedis();
    await env?.drop();
  });

  const count = async (sql: string): Promise<number> => {
    const [row] = await t.db.query<Array<{ n: string }>>(sql);
    return Number(row.n);
  };

  it('makes the world the brief describes, each person under the demo domain', async () => {
    expect(summary.status).toBe('seeded');
    const roles = await t.db.query<Array<{ role: string; n: string }>>(
      `SELECT role, count(*) AS n FROM account WHERE email LIKE $1 GROUP BY role ORDER BY role`,
      [`%@${DEMO_DOMAIN}`],
    );
    expect(Object.fromEntries(roles.map((r) => [r.role, Number(r.n)]))).toEqual({
      [Role.Buddy]: 3,
      [Role.Coordinator]: 1,
      [Role.Therapist]: 6,
      [Role.Volunteer]: 10,
    });
    expect(
      await count(`SELECT count(*) AS n FROM account WHERE email NOT LIKE '%@${DEMO_DOMAIN}'`),
    ).toBe(0);
  });

  it('verifies five therapists and three buddies and leaves one applicant in the queue', async () => {
    const coordinator = await login(summary.coordinator);
    const pending = await t.http.get('/v1/vetting?status=pending').set(coordinator).expect(200);
    expect(pending.body.items.map((i: { name: string }) => i.name)).toEqual(['Jo Reyes']);
    const verified = await t.http
      .get('/v1/vetting?status=verified&limit=50')
      .set(coordinator)
      .expect(200);
    const byRole = (role: string) =>
      verified.body.items.filter((i: { role: string }) => i.role === role).length;
    expect([byRole('therapist'), byRole('buddy')]).toEqual([5, 3]);
  });

  it('books sessions, pairs buddies with planned calls, and leaves one concern and one failed text', async () => {
    expect(summary.sessions).toBe(5);
    expect(summary.pairings).toBe(4);
    expect(await count(`SELECT count(*) AS n FROM session WHERE status = 'booked'`)).toBe(5);
    expect(await count(`SELECT count(*) AS n FROM pairing WHERE ended_at IS NULL`)).toBe(4);
    expect(
      await count(`SELECT count(*) AS n FROM checkin WHERE starts_at > now()`),
    ).toBeGreaterThan(0);
    const coordinator = await login(summary.coordinator);
    const concerns = await t.http.get('/v1/concerns?status=open').set(coordinator).expect(200);
    expect(concerns.body.items).toHaveLength(1);
    const failed = await t.http.get('/v1/notifications?status=failed').set(coordinator).expect(200);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0].lastErrorCode).toBe('30003');
  });

  it('lets a demo volunteer sign in with the shared password and see their booked session', async () => {
    const volunteer = await login(summary.volunteers[0]);
    const me = await t.http.get('/v1/me').set(volunteer).expect(200);
    expect(me.body.profile.phase).toBe('returned');
    const sessions = await t.http.get('/v1/sessions').set(volunteer).expect(200);
    expect(sessions.body.items).toHaveLength(1);
    expect(sessions.body.items[0].status).toBe('booked');
  });

  it('refuses a second run without changing anything', async () => {
    const accounts = () => count(`SELECT count(*) AS n FROM account`);
    const before = await accounts();
    const again = await seedDemo(t.app);
    expect(again.status).toBe('already-seeded');
    expect(await accounts()).toBe(before);
  });

  async function login(email: string): Promise<{ Authorization: string }> {
    const res = await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email, password: DEMO_PASSWORD })
      .expect(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  }
});
