import { closedPort } from './closed-port';
import { createTestApp, signUp, TestApp } from './app';
import { appBehindDatabaseRelay, DatabaseRelay } from './database-relay';

/** The API started with Redis unreachable (REDIS_URL on a closed port) and PostgreSQL up. */
describe('with Redis unreachable', () => {
  let t: TestApp;
  const redisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
    process.env.REDIS_URL = redisUrl;
  });

  it('/health answers 503 problem+json naming Redis, with the database still up', async () => {
    const res = await t.http.get('/health').expect(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.body).toMatchObject({
      type: '/problems/dependency-unavailable',
      status: 503,
      dependencies: ['redis'],
      checks: { database: { status: 'up' }, redis: { status: 'down' } },
    });
  });

  it('login, which the Redis rate limiter guards, answers 503 with Retry-After, not 500', async () => {
    const res = await t.http
      .post('/v1/auth/login')
      .send({ email: 'nobody@example.org', password: 'a long enough passphrase' })
      .expect(503);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({
      type: '/problems/dependency-unavailable',
      dependencies: ['redis'],
    });
  });

  it('a signed link, which the Redis limiter guards per IP, answers 503 too, not 500', async () => {
    const res = await t.http.get('/v1/links/AAAAAAAAAAAAAAAAAAAAAA').expect(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.body).toMatchObject({ type: '/problems/dependency-unavailable' });
  });

  it('routes that do not need Redis keep working', async () => {
    await t.http
      .post('/v1/auth/register')
      .send({
        email: `redis-down.${Date.now()}@example.org`,
        password: 'a long enough passphrase',
        role: 'volunteer',
        name: 'Still Served',
        timezone: 'Europe/London',
      })
      .expect(202);
  });
});

/** The API running, then PostgreSQL lost: a real outage, through a relay (database-relay.ts). */
describe('with PostgreSQL lost while running', () => {
  let db: DatabaseRelay;
  let t: TestApp;

  beforeAll(async () => {
    db = await appBehindDatabaseRelay();
    t = db.t;
  });
  afterAll(() => db.close());

  it('answers 503 naming the database while it is gone, and serves again when it is back', async () => {
    const user = await signUp(t);
    await t.http.get('/v1/me').set('Authorization', `Bearer ${user.token}`).expect(200);

    await db.lose();
    for (const path of ['/v1/me', '/v1/sessions']) {
      const res = await t.http.get(path).set('Authorization', `Bearer ${user.token}`);
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body).toMatchObject({
        type: '/problems/dependency-unavailable',
        dependencies: ['database'],
      });
    }

    await db.restore();
    await t.http.get('/v1/me').set('Authorization', `Bearer ${user.token}`).expect(200);
  });
});
