import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { connect, createServer, Server, Socket } from 'node:net';
import { QueueName } from '../src/common/queues';
import { createCoordinator, createTestApp, PASSWORD, signUp, TestApp, testIp } from './app';
import { closedPort } from './closed-port';

/**
 * Redis lost while the API runs. The app reaches Redis through a TCP relay this test owns; while
 * "down", the relay accepts each connection and closes it at once, counting them, so every
 * reconnect attempt of ioredis is seen. A request that waited in ioredis's offline queue would
 * answer only after its client had failed three reconnects (about 15 s once the delay has grown);
 * a request that fails fast answers before the second.
 */
describe('with Redis lost while running', () => {
  let t: TestApp;
  let relay: Server;
  let port: number;
  let down = false;
  let attempts = 0;
  const sockets = new Set<Socket>();
  const redisUrl = process.env.REDIS_URL as string;

  const listen = () =>
    new Promise<void>((resolve) => {
      relay = createServer((client) => {
        sockets.add(client);
        client.on('close', () => sockets.delete(client));
        client.on('error', () => undefined);
        if (down) {
          attempts++;
          client.destroy();
          return;
        }
        const upstream = connect(Number(new URL(redisUrl).port || 6379), '127.0.0.1');
        sockets.add(upstream);
        upstream.on('close', () => sockets.delete(upstream));
        upstream.on('error', () => undefined);
        client.pipe(upstream).pipe(client);
      });
      relay.listen(port, '127.0.0.1', resolve);
    });
  const loseRedis = () => {
    down = true;
    attempts = 0;
    for (const s of sockets) s.destroy();
  };
  /** Until each client has noticed the loss and tried again at least once. */
  const noticed = async () => {
    while (attempts < 2) await new Promise((r) => setTimeout(r, 20));
  };

  beforeAll(async () => {
    port = await closedPort();
    await listen();
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    t = await createTestApp();
  });
  afterAll(async () => {
    down = false;
    await t.close();
    relay.close();
    for (const s of sockets) s.destroy();
    process.env.REDIS_URL = redisUrl;
  });

  it('answers login 503 and files an urgent concern while Redis is still away, then serves again', async () => {
    await createCoordinator(t); // an urgent concern alerts coordinators: outbox rows to enqueue
    const user = await signUp(t);
    await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email: user.email, password: PASSWORD })
      .expect(200);

    loseRedis();
    await noticed();
    const before = attempts;
    const login = await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email: user.email, password: PASSWORD });
    const loginAttempts = attempts - before;
    expect(login.status).toBe(503);
    expect(login.body).toMatchObject({ type: '/problems/dependency-unavailable' });

    const concernStart = attempts;
    const concern = await t.http.post('/v1/concerns').set(user.auth).send({
      subjectDescription: 'A man at the food queue',
      category: 'other',
      details: 'Seen twice near the children',
      urgency: 'urgent',
    });
    const concernAttempts = attempts - concernStart;
    expect(concern.status).toBe(201);
    const alerts = await t.db.query<Array<{ status: string }>>(
      `SELECT status FROM notification WHERE about = $1`,
      [`concern:${concern.body.id}`],
    );
    expect(alerts.length).toBeGreaterThan(0); // the enqueue after commit was on this path
    console.log(
      `Redis away: login 503 after ${loginAttempts}, urgent concern 201 after ${concernAttempts} reconnect attempts of the clients`,
    );
    // Each client's reconnects come at least 200 ms apart, growing: answering before a client's
    // second attempt is answering without waiting for Redis. All clients together may add one each.
    expect(loginAttempts).toBeLessThanOrEqual(2);
    expect(concernAttempts).toBeLessThanOrEqual(2);

    // Redis back: the same clients reconnect and serve, the queue included.
    down = false;
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
    for (;;) {
      const res = await t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-For', testIp())
        .send({ email: user.email, password: PASSWORD });
      if (res.status === 200) break;
      expect(res.status).toBe(503);
      await new Promise((r) => setTimeout(r, 200));
    }
    await queue.isReady();
    // "ready" can come a moment before the stream takes writes again (seen under load): the queue
    // serves again when an add goes through, within the test's time.
    let job: Awaited<ReturnType<typeof queue.add>> | undefined;
    while (!job) {
      job = await queue
        .add('probe', {}, { removeOnComplete: true, delay: 60_000 })
        .catch((error: Error) => {
          if (!/writeable/.test(error.message)) throw error;
          return new Promise<undefined>((r) => setTimeout(() => r(undefined), 100));
        });
    }
    expect(await queue.getJob(job.id)).not.toBeNull();
    await job.remove();
  }, 120_000);
});
