import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { AppRole } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import { QueueName } from '../src/common/queues';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { paired, verifiedBuddy } from './factories/checkins';
import {
  bookingOf,
  consent,
  newCoordinator,
  SESSION_CONSENTS,
  sessionRequest,
  signUp,
} from './factories/sessions';
import { FakeTwilio } from './fake-twilio';
import { isolateDatabaseAndRedis } from './isolated-env';
import { eventually, settle, smsConsent, uniquePhone } from './notifications.fixtures';

const TODAY = '2027-02-20T12:00:00Z'; // a Saturday; the sessions factories' dates fit it
const BOOKINGS = 20;
const DAY = 86_400_000;

/**
 * PostgreSQL is the truth and Redis only wakes workers: after a flush of this file's Redis keys,
 * every confirmation still goes out once, and call planning and vetting expiry still run. The SMS
 * sweep keeps its production period (30 s); planning and expiry run every 2 s here.
 */
describe('Redis loss', () => {
  const fake = new FakeTwilio();
  const clock = new TestClock(TODAY);
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    await fake.start();
    env = await isolateDatabaseAndRedis('redis_loss');
    Object.assign(process.env, {
      ...fake.env,
      SCHEDULE_CALL_PLANNING_SECONDS: '2',
      SCHEDULE_VETTING_EXPIRY_SECONDS: '2',
    });
    delete process.env.SCHEDULE_SMS_SWEEP_SECONDS;
    t = await createTestApp({ clock, role: AppRole.Worker });
    coordinator = await newCoordinator(t);
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.drop();
    await fake.stop();
  });

  /** When PostgreSQL says it is: the scheduler's runs are stamped with its clock. */
  const dbNow = async () => (await t.db.query<Array<{ now: Date }>>(`SELECT now()`))[0].now;
  const finishedRuns = (task: string, after: Date) =>
    t.db.query<Array<{ slot: Date; result: Record<string, number> }>>(
      `SELECT slot, result FROM periodic_run
        WHERE task = $1 AND started_at > $2 AND finished_at IS NOT NULL ORDER BY slot`,
      [task, after],
    );
  const nextRun = async (task: string, after: Date, timeoutMs = 90_000) =>
    (
      await eventually(
        () => finishedRuns(task, after),
        (runs) => runs.length > 0,
        timeoutMs,
      )
    )[0];

  async function withPhone(role: Role.Volunteer | Role.Therapist, profile: object) {
    const phone = uniquePhone();
    const user = await signUp(t, role, { phone, timezone: 'Europe/London' });
    await t.http.put('/v1/me/profile').set(user.auth).send(profile).expect(200);
    await smsConsent(t, user.id, true);
    return { ...user, phone };
  }

  const therapist = async (expiresOn: string) => {
    const user = await withPhone(Role.Therapist, {
      membershipBody: 'BACP',
      membershipNumber: '123456',
      modalities: ['video'],
      languages: ['en'],
      sessionMinutes: 50,
      bufferMinutes: 10,
      monthlyCapacity: BOOKINGS,
      minimumNoticeHours: 24,
    });
    await t.http
      .post(`/v1/vetting/${user.id}/verify`)
      .set(coordinator.auth)
      .send({ evidence: 'BACP register entry checked', expiresOn })
      .expect(200);
    return user;
  };

  const volunteer = async () => {
    const user = await withPhone(Role.Volunteer, {
      languages: ['en'],
      deployments: [
        { location: 'Calais', country: 'FR', startsOn: '2027-01-05', endsOn: '2027-02-10' },
      ],
    });
    await consent(t, user.id, SESSION_CONSENTS, true);
    return user;
  };

  it(`delivers all ${BOOKINGS} bookings' confirmations once after a flush of every job`, async () => {
    const th = await therapist('2028-01-01');
    await t.http
      .put('/v1/me/availability')
      .set(th.auth)
      .send({
        timezone: 'Europe/London',
        weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          weekday,
          start: '09:00',
          end: '17:00',
        })),
      })
      .expect(200);
    const volunteers = [];
    for (let i = 0; i < BOOKINGS; i++) volunteers.push(await volunteer());

    // The worker holds off, so every confirmation is still a job waiting in Redis when the
    // flush comes (else most would be sent before it, and the test would prove little).
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
    await queue.pause(true, true);
    const sessions: string[] = [];
    for (const [i, v] of volunteers.entries()) {
      const requestId = await sessionRequest(t, v);
      const day = 1 + Math.floor(i / 8); // 1 to 3 March, 09:00 to 16:00 London (UTC then)
      const startsAt = `2027-03-0${day}T${String(9 + (i % 8)).padStart(2, '0')}:00:00Z`;
      const res = await bookingOf(t, v, { requestId, therapistId: th.id, startsAt });
      expect(res.status).toBe(201);
      sessions.push(res.body.id as string);
    }
    // The texts (fake Twilio counts them); their mail twins' flush is message-preferences.e2e's.
    const confirmations = await t.db.query<Array<{ id: string; status: string }>>(
      `SELECT id, status FROM notification
          WHERE template = 'session_confirmation' AND about = ANY($1) AND channel <> 'email'`,
      [sessions.map((id) => `session:${id}`)],
    );
    expect(confirmations).toHaveLength(2 * BOOKINGS); // the volunteer's and the therapist's
    const ids = confirmations.map((c) => c.id);
    const jobs = async () =>
      (await Promise.all(ids.map((id) => queue.getJob(id)))).filter((j) => j !== null).length;
    expect(await jobs()).toBe(2 * BOOKINGS);

    // The worst moment: just after a sweep, so the flushed jobs wait a whole period for the next.
    await nextRun('sms-sweep', await dbNow());
    expect(await env.flushRedis()).toBeGreaterThan(0);
    const flushedAt = Date.now();
    expect(await jobs()).toBe(0);
    const statuses = async () =>
      (
        await t.db.query<Array<{ status: string }>>(
          `SELECT status FROM notification WHERE id = ANY($1)`,
          [ids],
        )
      ).map((r) => r.status);
    expect(await statuses()).toEqual(Array(2 * BOOKINGS).fill('pending'));
    await queue.resume(true);

    await eventually(statuses, (s) => s.every((x) => x === 'sent'), 90_000);
    const seconds = ((Date.now() - flushedAt) / 1000).toFixed(1);
    console.log(
      `Redis flush: ${2 * BOOKINGS}/${2 * BOOKINGS} confirmations sent ${seconds} s after`,
    );

    // Let a further sweep run, and anything it (wrongly) re-enqueued arrive, before counting.
    await nextRun('sms-sweep', await dbNow());
    await settle();
    const sent = (phone: string) => fake.sentTo(phone).length;
    expect(volunteers.map((v) => sent(v.phone))).toEqual(Array(BOOKINGS).fill(1));
    expect(sent(th.phone)).toBe(BOOKINGS);
    const sids = await t.db.query<Array<{ sid: string }>>(
      `SELECT provider_message_id AS sid FROM notification WHERE id = ANY($1)`,
      [ids],
    );
    const phones = new Set([th.phone, ...volunteers.map((v) => v.phone)]);
    const messages = fake.messages.filter((m) => phones.has(m.to));
    expect(new Set(sids.map((r) => r.sid))).toEqual(new Set(messages.map((m) => m.sid)));
    expect(messages).toHaveLength(2 * BOOKINGS);
  }, 300_000);

  it('still plans calls and expires vetting in the next period after a flush', async () => {
    const lapsing = await therapist('2027-02-21');
    const buddy = await verifiedBuddy(t, coordinator);
    const { pairing } = await paired(t, buddy);
    const calls = async () =>
      (
        await t.db.query<Array<{ starts_at: Date }>>(
          `SELECT starts_at FROM checkin WHERE pairing_id = $1 ORDER BY starts_at`,
          [pairing.id],
        )
      ).map((r) => r.starts_at.getTime());
    const planned = await calls();

    expect(await env.flushRedis()).toBeGreaterThan(0);
    const flushedAt = await dbNow();
    // Only a run after the flush reads the clock moved on: the lapse and the week's new call
    // can come from nothing else.
    clock.advance(7 * DAY);
    const vettingStatus = async () =>
      (
        await t.db.query<Array<{ status: string }>>(
          `SELECT status FROM vetting WHERE account_id = $1`,
          [lapsing.id],
        )
      )[0].status;
    await eventually(vettingStatus, (status) => status === 'expired', 90_000);
    await eventually(calls, (c) => c.length > planned.length, 90_000);
    expect(await calls()).toEqual([...planned, planned.at(-1)! + 7 * DAY]);
    // A run commits its work before it stamps itself finished: the new call and the lapse are each
    // on record as the work of a run since the flush (eventually fails the test if not).
    const recorded = (task: string, did: (result: Record<string, number>) => boolean) =>
      eventually(
        () => finishedRuns(task, flushedAt),
        (runs) => runs.some((run) => did(run.result)),
        90_000,
      );
    await recorded('call-planning', (result) => result.added > 0);
    await recorded('vetting-expiry', (result) => result.expired > 0);
  });
});
