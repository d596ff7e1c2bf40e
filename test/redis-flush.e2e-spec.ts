import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { AppRole } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import { QueueName } from '../src/common/queues';
import { NotificationTemplate } from '../src/notifications/notification-templates';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { OutboxCommitHook } from '../src/notifications/outbox-commit-hook.service';
import { SweeperService } from '../src/notifications/sweeper.service';
import { createTestApp, TestApp } from './app';
import { TestClock } from './clock';
import { FakeTwilio } from './fake-twilio';
import { isolateDatabaseAndRedis } from './isolated-env';
import { eventually, HOUR, person, Person, settle } from './notifications.fixtures';

const STUCK_PENDING_SECONDS = 90;
const BURST = 100;
/** Sweeps after a flush by which every text must have gone (issue #27: 3 sweep periods). */
const SWEEPS = 3;

/**
 * Redis flushed at any moment, even with jobs active: every text still goes out once. Two worker
 * processes deliver; the test drives the sweeps itself (the periodic one is set to an hour, so
 * only the start-up run happens on its own) and counts sends at the fake Twilio.
 */
describe('Redis flush while texts are in flight (issue #27)', () => {
  const fake = new FakeTwilio();
  const clock = new TestClock('2030-03-05T10:00:00Z');
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  let second: TestApp;
  let queue: Queue;

  beforeAll(async () => {
    await fake.start();
    env = await isolateDatabaseAndRedis('redis_flush');
    Object.assign(process.env, {
      ...fake.env,
      SMS_MAX_ATTEMPTS: '5',
      SMS_RETRY_BASE_MS: '20',
      SMS_WORKER_CONCURRENCY: '8',
      SCHEDULE_SMS_SWEEP_SECONDS: '3600',
      SMS_STUCK_PENDING_SECONDS: String(STUCK_PENDING_SECONDS),
    });
    t = await createTestApp({ clock, role: AppRole.Worker });
    second = await createTestApp({ clock, role: AppRole.Worker });
    queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await env?.drop();
    await fake.stop();
    delete process.env.SCHEDULE_SMS_SWEEP_SECONDS;
    delete process.env.SMS_STUCK_PENDING_SECONDS;
  });

  const sweep = (app = t) => app.app.get(SweeperService).sweep(clock.now());

  const statusOf = async (ids: string[]) =>
    (
      await t.db.query<Array<{ status: string }>>(
        `SELECT status FROM notification WHERE id = ANY($1) ORDER BY id`,
        [ids],
      )
    ).map((r) => r.status);

  /** `count` texts due now, spread over `people`; enqueued after commit unless `track` is false. */
  async function dueTexts(people: Person[], count: number, track = true): Promise<string[]> {
    const rows = Array.from({ length: count }, (_, i) => ({
      recipientId: people[i % people.length].id,
      template: NotificationTemplate.SessionReminder,
      about: `session:${randomUUID()}`,
      payload: {
        sessionId: randomUUID(),
        otherId: people[(i + 1) % people.length].id,
        startsAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
      },
      idempotencyKey: `test:${randomUUID()}`,
      dueAt: clock.now(),
    }));
    const added = await t.db.transaction(async (em) => {
      const due = await t.app.get(NotificationsRepository).add(rows, em);
      if (track) t.app.get(OutboxCommitHook).track(due, em);
      return due;
    });
    return added.map((r) => r.id);
  }

  /**
   * Waits until the workers have nothing left to do for these rows: no job waiting, active or
   * delayed in Redis, and no row mid-send. What is then still pending, nothing will send.
   */
  const quiet = (ids: string[]) =>
    eventually(
      async () => ({ counts: await queue.getJobCounts(), statuses: await statusOf(ids) }),
      ({ counts, statuses }) =>
        counts.waiting + counts.active + counts.delayed === 0 && !statuses.includes('sending'),
      90_000,
    );

  /** The messages the fake accepted for `people`, from index `from` of its record on. */
  const sentTo = (people: Person[], from = 0) => {
    const phones = new Set(people.map((p) => p.phone));
    return fake.messages.slice(from).filter((m) => phones.has(m.to));
  };

  /** Every row sent, each by exactly one message the fake accepted, and nothing else sent. */
  async function expectEachSentOnce(ids: string[], people: Person[], from: number) {
    expect(await statusOf(ids)).toEqual(Array(ids.length).fill('sent'));
    const rows = await t.db.query<Array<{ id: string; sid: string }>>(
      `SELECT id, provider_message_id AS sid FROM notification WHERE id = ANY($1)`,
      [ids],
    );
    const messages = sentTo(people, from);
    const rowOf = new Map(rows.map((r) => [r.sid, r.id]));
    // Each message names its row (or none), so a duplicate or a stray send shows which.
    expect(messages.map((m) => rowOf.get(m.sid) ?? `no row: ${m.to}`).sort()).toEqual(
      [...ids].sort(),
    );
  }

  it('replaces a husk (a job hash in no list, holding only failedReason) and sends the text once', async () => {
    const people = [await person(t, Role.Buddy)];
    const from = fake.messages.length;
    const [id] = await dueTexts(people, 1, false);
    // What Bull's finish step leaves for a job that was active when Redis was flushed.
    await queue.client.hset(queue.toKey(id), {
      failedReason: `Job ${id} is not in the active state. finished`,
      stacktrace: JSON.stringify([`Error: Job ${id} is not in the active state. finished`]),
    });

    const report = await sweep();
    expect(report).toMatchObject({ added: 0, husks: 1 });
    await quiet([id]);
    await expectEachSentOnce([id], people, from);

    // Further sweeps find nothing to do and send nothing more.
    expect(await sweep()).toMatchObject({ added: 0, husks: 0, revived: 0 });
    await quiet([id]);
    await settle();
    await expectEachSentOnce([id], people, from);
  });

  it('replaces the job of a never-tried text overdue by SMS_STUCK_PENDING_SECONDS, whatever Redis holds', async () => {
    const people = [await person(t, Role.Buddy)];
    const from = fake.messages.length;
    const [id] = await dueTexts(people, 1, false);
    // Redis says "in retry backoff for a day", which the row (attempts = 0) contradicts.
    await queue.add(
      'deliver',
      { notificationId: id },
      { jobId: id, delay: 24 * HOUR, removeOnComplete: true, removeOnFail: true },
    );
    await queue.client.hset(queue.toKey(id), 'attemptsMade', 1);

    expect(await sweep()).toMatchObject({ added: 0, husks: 0, promoted: 0, revived: 0 });
    expect(await statusOf([id])).toEqual(['pending']);

    clock.advance((STUCK_PENDING_SECONDS + 1) * 1000);
    expect(await sweep()).toMatchObject({ revived: 1 });
    await quiet([id]);
    await expectEachSentOnce([id], people, from);
    expect(await sweep()).toMatchObject({ revived: 0, added: 0, husks: 0 });
    await quiet([id]);
    await settle();
    await expectEachSentOnce([id], people, from);
  });

  it(`two workers, ${BURST} due texts, Redis flushed at a generated moment: each sent once within ${SWEEPS} sweeps`, async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => person(t, Role.Buddy)));
    const runs: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          // Flush once this many of the burst have been accepted by Twilio (0: at once).
          afterSent: fc.integer({ min: 0, max: BURST - 1 }),
          // Hold Twilio's answers first, so jobs are active (mid-send) when the flush comes.
          whileActive: fc.boolean(),
        }),
        async ({ afterSent, whileActive }) => {
          const from = fake.messages.length;
          const ids = await dueTexts(people, BURST);
          await eventually(
            () => sentTo(people, from).length,
            (n) => n >= afterSent,
            90_000,
          );
          if (whileActive) {
            fake.hold();
            await eventually(
              async () => fake.heldCount > 0 || !(await statusOf(ids)).includes('pending'),
              (ready) => ready,
              90_000,
            );
          }
          const deleted = await env.flushRedis();
          fake.release();
          runs.push(`after ${sentTo(people, from).length} sent, ${deleted} keys`);

          for (let i = 0; i < SWEEPS; i++) {
            await sweep(i % 2 === 0 ? t : second);
            await quiet(ids);
          }
          await expectEachSentOnce(ids, people, from);

          // Anything sent twice would be on its way now: let it arrive, then count again.
          await sweep(second);
          await quiet(ids);
          await settle(1_000);
          await expectEachSentOnce(ids, people, from);
        },
      ),
      { numRuns: 6 },
    );
    console.log(`Redis flush runs: ${runs.join('; ')}`);
  }, 240_000);
});
