import { appBehindDatabaseRelay, DatabaseRelay } from './database-relay';
import { createTestApp, TestApp } from './app';
import { closedPort } from './closed-port';
import { newCoordinator } from './factories/sessions';

/**
 * The queue dashboard (bull-board, an Express app of its own under /admin/queues) answers like the
 * rest of the service (issue #21): no X-Powered-By, and 503 problem+json rather than a 500 with
 * ioredis's message when Redis or PostgreSQL is down.
 */
const expectUnavailable = (
  res: { status: number; headers: Record<string, string>; body: unknown; text: string },
  dependency: string,
) => {
  expect(res.status).toBe(503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(res.headers['x-powered-by']).toBeUndefined();
  expect(res.body).toMatchObject({
    type: '/problems/dependency-unavailable',
    status: 503,
    dependencies: [dependency],
  });
  expect(res.text).not.toMatch(/ioredis|ECONNREFUSED|stack|MaxRetries|Connection is closed/i);
};

describe('queue dashboard, everything up', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends no X-Powered-By, on its page, its API and its static files', async () => {
    const coordinator = await newCoordinator(t);
    const page = await t.http.get('/admin/queues').set(coordinator.auth).expect(200);
    const api = await t.http.get('/admin/queues/api/queues').set(coordinator.auth).expect(200);
    const css = /href="(static\/css\/[^"]+)"/.exec(page.text)![1];
    const file = await t.http.get(`/admin/queues/${css}`).set(coordinator.auth).expect(200);
    for (const res of [page, api, file]) {
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('queue dashboard with Redis unreachable', () => {
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

  it('answers its API with 503 problem+json naming Redis, not 500 with ioredis’s message', async () => {
    const coordinator = await newCoordinator(t);
    expectUnavailable(await t.http.get('/admin/queues/api/queues').set(coordinator.auth), 'redis');
  });
});

/** PostgreSQL lost while running, through a relay this test owns (database-relay.ts). */
describe('queue dashboard with PostgreSQL lost', () => {
  let db: DatabaseRelay;
  let t: TestApp;

  beforeAll(async () => {
    db = await appBehindDatabaseRelay();
    t = db.t;
  });
  afterAll(() => db.close());

  it('answers 503 problem+json naming the database (the token check reads the account)', async () => {
    const coordinator = await newCoordinator(t);
    await t.http.get('/admin/queues').set(coordinator.auth).expect(200);

    await db.lose();
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      expectUnavailable(await t.http.get(path).set(coordinator.auth), 'database');
    }

    await db.restore();
    await t.http.get('/admin/queues').set(coordinator.auth).expect(200);
  });
});
