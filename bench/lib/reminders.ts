/**
 * 10,000 reminders due at the same instant, drained by 1 and then 2 worker processes
 * (`APP_ROLE=worker`, the real Twilio driver) through the test suite's fake Twilio, against a bare
 * loop of the same sends (the service's own TwilioSmsSender, at one worker's concurrency).
 * The rows get their Bull jobs as a booking's do; a last drain gives them none, as after a Redis
 * flush.
 */
import { performance } from 'node:perf_hooks';
import { NotificationQueue } from '../../src/notifications/notification-queue.service';
import { TwilioSmsSender } from '../../src/notifications/twilio-sms-sender';
import { TestApp } from '../../test/app';
import { FakeTwilio } from '../../test/fake-twilio';
import { inPool, percentile, round, sleep } from './stats';
import { startService } from './world';

const CONCURRENCY = 32; // SMS_WORKER_CONCURRENCY's default

export interface ReminderResult {
  bare: { perSecond: number };
  workers: Array<{
    workers: number;
    /** False: no Bull jobs (as after a Redis flush); the sweeper finds the rows. */
    jobs: boolean;
    perSecond: number;
    ratio: number;
    p99LatenessMs: number;
    duplicates: number;
    lost: number;
    skipped: number;
    seconds: number;
  }>;
  rows: Array<[string, string, string]>;
}

/**
 * Each drain: how many worker processes, and whether the rows get their Bull jobs as a booking's
 * do (`NotificationQueue.enqueue`, what the outbox does after each commit) or none, as after a
 * Redis flush, so that the sweeper alone finds them.
 */
const DRAINS = [
  { workers: 1, jobs: true },
  { workers: 2, jobs: true },
  { workers: 1, jobs: false },
];

export async function drainReminders(
  t: TestApp,
  n: number,
  log: (line: string) => void,
): Promise<ReminderResult> {
  const fake = await new FakeTwilio().start();
  try {
    // Only the bench's own reminders are due: what the bookings queued is set aside.
    await t.db.query(
      `UPDATE notification SET status = 'cancelled', reason = 'bench' WHERE status = 'pending'`,
    );
    const templates = await t.db.query<Array<{ id: string }>>(
      `SELECT id FROM notification WHERE template = 'session_reminder' AND reason = 'bench'
        ORDER BY id LIMIT 2000`,
    );
    if (templates.length === 0) throw new Error('no session reminders to copy');

    log('reminders: bare loop');
    const sender = new TwilioSmsSender({
      accountSid: fake.accountSid,
      authToken: fake.authToken,
      from: fake.env.TWILIO_FROM,
      apiBaseUrl: fake.url,
      statusCallback: 'http://127.0.0.1:1/v1/webhooks/twilio/status',
    });
    const t0 = performance.now();
    await inPool(n, CONCURRENCY, (i) =>
      sender.send({ notificationId: String(i), to: '+447911123456', body: 'Reminder: bench' }),
    );
    const bareRate = (n / (performance.now() - t0)) * 1000;

    const workers: ReminderResult['workers'] = [];
    for (const { workers: count, jobs } of DRAINS) {
      log(`reminders: ${count} worker(s)${jobs ? '' : ', no jobs (as after a Redis flush)'}`);
      const tag = `bench${count}${jobs ? '' : 'flush'}`;
      const procs = await Promise.all(
        Array.from({ length: count }, () =>
          startService({
            ...fake.env,
            APP_ROLE: 'worker',
            LOG_LEVEL: 'silent',
            SCHEDULE_SMS_SWEEP_SECONDS: '2',
            SMS_WORKER_CONCURRENCY: String(CONCURRENCY),
          }),
        ),
      );
      await sleep(4000); // booted and past their start-up sweep
      const before = fake.messages.length;
      const inserted = await t.db.query<Array<{ id: string; dueAt: Date }>>(
        `INSERT INTO notification (recipient_id, template, about, payload, idempotency_key, due_at)
         SELECT n.recipient_id, n.template, n.about, n.payload,
                n.idempotency_key || ':' || $2 || ':' || g, now() + interval '3 seconds'
           FROM generate_series(1, $1) g
           JOIN (SELECT *, row_number() OVER (ORDER BY id) - 1 AS k
                   FROM notification WHERE id = ANY ($3::uuid[])) n
             ON n.k = (g - 1) % $4
         RETURNING id, due_at AS "dueAt"`,
        [n, tag, templates.map((r) => r.id), templates.length],
      );
      if (jobs) await t.app.get(NotificationQueue).enqueue(inserted, new Date());
      const limit = Date.now() + Math.max(120_000, n * 50);
      let open = n;
      while (open > 0 && Date.now() < limit) {
        await sleep(500);
        const [row] = await t.db.query<Array<{ open: number }>>(
          `SELECT count(*)::int AS open FROM notification
            WHERE idempotency_key LIKE '%:' || $1 || ':%' AND status IN ('pending', 'sending')`,
          [tag],
        );
        open = row.open;
      }
      await Promise.all(procs.map((p) => p.stop()));
      const rows = await t.db.query<Array<{ status: string; lateness: number | null }>>(
        `SELECT status, extract(epoch FROM sent_at - due_at) * 1000 AS lateness
           FROM notification WHERE idempotency_key LIKE '%:' || $1 || ':%'`,
        [tag],
      );
      const sent = rows.filter((r) => r.status === 'sent' || r.status === 'delivered');
      const lateness = sent.map((r) => Number(r.lateness));
      const seconds = Math.max(...lateness) / 1000;
      const perSecond = sent.length / seconds;
      workers.push({
        workers: count,
        jobs,
        perSecond: round(perSecond),
        ratio: round(perSecond / bareRate, 2),
        p99LatenessMs: round(percentile(lateness, 99)),
        duplicates: fake.messages.length - before - sent.length,
        lost: rows.filter((r) => ['pending', 'sending', 'failed'].includes(r.status)).length,
        skipped: rows.filter((r) => r.status === 'skipped').length,
        seconds: round(seconds),
      });
    }
    return {
      bare: { perSecond: round(bareRate) },
      workers,
      rows: [
        [
          `${n} reminders due at once: bare loop of the same sends (${CONCURRENCY} in flight)`,
          `${round(bareRate)} SMS/s`,
          'reference',
        ],
        ...workers.map((w): [string, string, string] => [
          `… drained by ${w.workers} worker${w.workers > 1 ? 's' : ''}${w.jobs ? '' : ', no jobs (after a Redis flush)'}`,
          `${w.perSecond} SMS/s, p99 lateness ${w.p99LatenessMs} ms, ${w.duplicates} twice, ${w.lost} lost${w.skipped ? `, ${w.skipped} skipped` : ''}`,
          `**${w.ratio}×** the bare loop`,
        ]),
      ],
    };
  } finally {
    await fake.stop();
  }
}
