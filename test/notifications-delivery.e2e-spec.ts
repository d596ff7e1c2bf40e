import { getQueueToken } from '@nestjs/bull';
import type { Queue } from 'bull';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import twilio from 'twilio';
import { AppRole } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import { QueueName } from '../src/common/queues';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import { ConsentService } from '../src/consent/consent.service';
import { DeliveryService } from '../src/notifications/delivery.service';
import { NotificationTemplate } from '../src/notifications/notification-templates';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { OutboxCommitHook } from '../src/notifications/outbox-commit-hook.service';
import { SweeperService } from '../src/notifications/sweeper.service';
import { FORBIDDEN_WORDS } from '../src/notifications/notification-templates';
import { createCoordinator, createTestApp, TestApp } from './app';
import { TestClock } from './clock';
import { FakeTwilio } from './fake-twilio';
import { isolateDatabaseAndRedis } from './isolated-env';
import {
  eventually,
  HOUR,
  outboxAbout,
  outboxFor,
  OutboxRow,
  person,
  Person,
  publish,
  settle,
  smsConsent,
  textsAbout,
  textsFor,
} from './notifications.fixtures';

const PUBLIC_BASE_URL = 'https://vws.example.org';
const SENDING_TIMEOUT_S = 30;
/** The heavy tests get longer on a loaded machine (2 cores shared by parallel test runs). */
const HEAVY_TEST_MS = 240_000;

/**
 * Delivery end to end: worker processes (Bull on the real Redis) send through the real Twilio SDK
 * to a fake Twilio on 127.0.0.1, and the outbox in PostgreSQL decides what goes out.
 */
describe('notifications: delivery through Twilio', () => {
  const fake = new FakeTwilio();
  const clock = new TestClock('2030-01-15T09:00:00Z');
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;

  beforeAll(async () => {
    await fake.start();
    env = await isolateDatabaseAndRedis('notif_delivery');
    Object.assign(process.env, {
      ...fake.env,
      PUBLIC_BASE_URL,
      SMS_MAX_ATTEMPTS: '3',
      SMS_RETRY_BASE_MS: '20',
      SMS_WORKER_CONCURRENCY: '5',
      SMS_SENDING_TIMEOUT_SECONDS: String(SENDING_TIMEOUT_S),
    });
    t = await createTestApp({ clock, role: AppRole.Worker });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.drop();
    await fake.stop();
  });

  const sweep = (app = t) => app.app.get(SweeperService).sweep(clock.now());
  const statusOf = async (ids: string[]) =>
    (
      await t.db.query<Array<{ status: string }>>(
        `SELECT status FROM notification WHERE id = ANY($1)`,
        [ids],
      )
    ).map((r) => r.status);
  const allSent = (ids: string[], timeoutMs = 30_000) =>
    eventually(
      () => statusOf(ids),
      (s) => s.length === ids.length && s.every((x) => x === 'sent'),
      timeoutMs,
    );

  /** `count` reminder rows due now, spread over `people`, enqueued after commit. */
  async function dueReminders(
    app: TestApp,
    people: Person[],
    count: number,
    options: { track?: boolean; dueAt?: Date } = {},
  ) {
    const { track = true, dueAt = clock.now() } = options;
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
      dueAt,
    }));
    const added = await app.db.transaction(async (em) => {
      const due = await app.app.get(NotificationsRepository).add(rows, em);
      if (track) app.app.get(OutboxCommitHook).track(due, em);
      return due;
    });
    return added.map((r) => r.id);
  }

  /**
   * Texts recorded as sent: once a row says so, the fake Twilio has the message too. Mail twins
   * (channel `email`) go to the mailer, not Twilio, and are not counted.
   */
  const sentRows = async (people: Person[]) => {
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM notification
        WHERE recipient_id = ANY($1) AND status IN ('sent', 'delivered') AND channel <> 'email'`,
      [people.map((p) => p.id)],
    );
    return n;
  };

  const sentTo = (people: Person[]) => {
    const phones = new Set(people.map((p) => p.phone));
    return fake.messages.filter((m) => phones.has(m.to));
  };

  const sign = (path: string, params: Record<string, string>) =>
    twilio.getExpectedTwilioSignature(fake.authToken, `${PUBLIC_BASE_URL}${path}`, params);
  const webhook = (path: string, params: Record<string, string>, signature = sign(path, params)) =>
    t.http.post(path).type('form').set('X-Twilio-Signature', signature).send(params);

  describe('sending', () => {
    it('sends the confirmation at once and each reminder when due, once, without health words', async () => {
      const volunteer = await person(t, Role.Volunteer, {
        name: 'Amira Haddad',
        timezone: 'Europe/Athens',
      });
      const therapist = await person(t, Role.Therapist, {
        name: 'Sam Jones',
        timezone: 'Europe/London',
      });
      const start = new Date(clock.now().getTime() + 30 * HOUR); // 16 Jan 15:00 UTC
      const sessionId = randomUUID();
      const event = {
        sessionId,
        volunteerId: volunteer.id,
        therapistId: therapist.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + HOUR),
      };
      await publish(t, 'session.booked', event);

      await eventually(
        () => sentRows([volunteer, therapist]),
        (n) => n === 2,
      );
      const [toVolunteer] = fake.sentTo(volunteer.phone);
      expect(toVolunteer.body).toBe(
        'Your wellbeing session with Sam is booked for Wed 16 Jan, 17:00 (Athens time). ' +
          "Reply YES to confirm or NO if you can't make it. Reply STOP to stop texts.",
      );
      expect(toVolunteer.statusCallback).toBe(`${PUBLIC_BASE_URL}/v1/webhooks/twilio/status`);
      expect(toVolunteer.from).toBe('+15005550006');

      // Nothing more until a reminder is due.
      await sweep();
      expect(sentTo([volunteer, therapist])).toHaveLength(2);

      clock.advance(6 * HOUR); // the 24 h reminders are due
      await sweep();
      await eventually(
        () => sentRows([volunteer, therapist]),
        (n) => n === 4,
      );
      clock.advance(23 * HOUR); // the 1 h reminders are due
      await sweep();
      await sweep();
      await eventually(
        () => sentRows([volunteer, therapist]),
        (n) => n === 6,
      );
      await settle();

      const rows = await textsAbout(t, `session:${sessionId}`);
      expect(rows.map((r) => r.status)).toEqual(Array(6).fill('sent'));
      const sids = new Set(sentTo([volunteer, therapist]).map((m) => m.sid));
      expect(new Set(rows.map((r) => r.provider_message_id))).toEqual(sids);
      expect(fake.sentTo(therapist.phone).map((m) => m.body)).toEqual([
        'Your wellbeing session with Amira is booked for Wed 16 Jan, 15:00 (London time). Reply STOP to stop texts.',
        'Reminder: wellbeing session with Amira on Wed 16 Jan, 15:00 (London time).',
        'Reminder: wellbeing session with Amira on Wed 16 Jan, 15:00 (London time).',
      ]);
      expect(rows.map((r) => r.sent_at?.toISOString()).sort()).toEqual([
        '2030-01-15T09:00:00.000Z',
        '2030-01-15T09:00:00.000Z',
        '2030-01-15T15:00:00.000Z',
        '2030-01-15T15:00:00.000Z',
        '2030-01-16T14:00:00.000Z',
        '2030-01-16T14:00:00.000Z',
      ]);
      for (const m of sentTo([volunteer, therapist])) {
        expect(FORBIDDEN_WORDS.filter((w) => m.body.toLowerCase().includes(w))).toEqual([]);
      }
      // The booking also went by mail, once to each; reminders by text only.
      const mails = (await outboxAbout(t, `session:${sessionId}`)).filter(
        (r) => r.channel === 'email',
      );
      expect(mails.map((r) => [r.recipient_id, r.template, r.status]).sort()).toEqual(
        [
          [volunteer.id, 'session_confirmation', 'sent'],
          [therapist.id, 'session_confirmation', 'sent'],
        ].sort(),
      );
    });

    it('sends nothing once SMS consent is withdrawn, nor to someone who never gave it', async () => {
      clock.set('2030-01-20T09:00:00Z');
      const volunteer = await person(t, Role.Volunteer);
      const therapist = await person(t, Role.Therapist, { sms: false });
      const start = new Date(clock.now().getTime() + 30 * HOUR);
      const sessionId = randomUUID();
      await publish(t, 'session.booked', {
        sessionId,
        volunteerId: volunteer.id,
        therapistId: therapist.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + HOUR),
      });
      await eventually(
        () => textsFor(t, therapist.id),
        (rows) => rows[0]?.status === 'skipped',
      );
      await eventually(
        () => sentRows([volunteer]),
        (n) => n === 1,
      );

      await smsConsent(t, volunteer.id, false);
      clock.advance(29.5 * HOUR); // both reminders due, the event not begun
      await sweep();
      const rows = await textsAbout(t, `session:${sessionId}`);
      expect(
        rows
          .filter((r) => r.recipient_id === volunteer.id)
          .map((r) => r.status)
          .sort(),
      ).toEqual(['cancelled', 'cancelled', 'sent']);
      expect(
        rows.find((r) => r.recipient_id === therapist.id && r.template === 'session_confirmation'),
      ).toMatchObject({ status: 'skipped', reason: 'no-consent' });
      expect(fake.sentTo(therapist.phone)).toEqual([]);
      expect(fake.sentTo(volunteer.phone)).toHaveLength(1);
    });

    it('claims a row once however many workers try it at the same moment', async () => {
      // Due in an hour and never enqueued, so no sweeper or queue worker touches them meanwhile.
      const later = new Date(clock.now().getTime() + HOUR);
      const people = [await person(t, Role.Buddy)];
      const ids = await dueReminders(t, people, 10, { track: false, dueAt: later });
      const delivery = t.app.get(DeliveryService);
      const outcomes = await Promise.all(
        ids.flatMap((id) => [delivery.deliver(id, later), delivery.deliver(id, later)]),
      );
      expect(outcomes.filter((o) => o === 'sent')).toHaveLength(10);
      expect(outcomes.filter((o) => o === 'not-claimed')).toHaveLength(10);
      expect(sentTo(people)).toHaveLength(10);
    });
    it('skips a row another transaction holds instead of waiting for it; the others go', async () => {
      // A cancellation locking a session's texts must never wait on a claim that waits on it.
      const later = new Date(clock.now().getTime() + HOUR);
      const people = [await person(t, Role.Buddy)];
      const [held, free] = await dueReminders(t, people, 2, { track: false, dueAt: later });
      const runner = t.db.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT 1 FROM notification WHERE id = $1 FOR UPDATE`, [held]);
        const delivery = t.app.get(DeliveryService);
        const outcomes = await Promise.all([
          delivery.deliver(held, later),
          delivery.deliver(free, later),
        ]);
        expect(outcomes).toEqual(['not-claimed', 'sent']);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await statusOf([held, free])).toEqual(['pending', 'sent']);
    });
  });

  describe('Twilio failures', () => {
    it('retries 500 and 429 with backoff until sent; gives up after the configured attempts', async () => {
      const [a, b, c] = [
        await person(t, Role.Buddy),
        await person(t, Role.Buddy),
        await person(t, Role.Buddy),
      ];
      fake.failNext(2, 500, 20500, a.phone);
      fake.failNext(1, 429, 20429, b.phone);
      fake.failNext(5, 503, 20503, c.phone);
      const [ra] = await dueReminders(t, [a], 1);
      const [rb] = await dueReminders(t, [b], 1);
      const [rc] = await dueReminders(t, [c], 1);
      await allSent([ra, rb]);
      await eventually(
        () => statusOf([rc]),
        (s) => s[0] === 'failed',
      );
      await settle();

      const rows = await t.db.query<OutboxRow[]>(
        `SELECT * FROM notification WHERE id = ANY($1) ORDER BY array_position($1, id)`,
        [[ra, rb, rc]],
      );
      expect(rows.map((r) => [r.status, r.attempts, r.last_error_code, r.reason])).toEqual([
        ['sent', 3, null, null],
        ['sent', 2, null, null],
        ['failed', 3, '20503', 'out-of-attempts'],
      ]);
      expect([a, b, c].map((p) => fake.attempts.filter((to) => to === p.phone).length)).toEqual([
        3, 2, 3,
      ]);
      expect([a, b, c].map((p) => fake.sentTo(p.phone).length)).toEqual([1, 1, 0]);
    });

    it('fails a 400 at once and lists it for coordinators; 21610 opts the number out', async () => {
      const [bad, unsubscribed] = [
        await person(t, Role.Volunteer),
        await person(t, Role.Volunteer),
      ];
      fake.failNext(1, 400, 21211, bad.phone);
      fake.failNext(1, 400, 21610, unsubscribed.phone);
      const [rBad] = await dueReminders(t, [bad], 1);
      const [rOut] = await dueReminders(t, [unsubscribed], 1);
      await eventually(
        () => statusOf([rBad, rOut]),
        (s) => !s.includes('pending') && !s.includes('sending'),
      );

      const [failed] = await outboxFor(t, bad.id);
      expect(failed).toMatchObject({ status: 'failed', attempts: 1, last_error_code: '21211' });
      const [skipped] = await outboxFor(t, unsubscribed.id);
      expect(skipped).toMatchObject({ status: 'skipped', reason: 'opted-out' });
      expect(
        await t.db.query(`SELECT source FROM sms_opt_out WHERE phone = $1`, [unsubscribed.phone]),
      ).toEqual([{ source: 'twilio-21610' }]);

      // The opted-out number is not even tried again.
      const [again] = await dueReminders(t, [unsubscribed], 1);
      await eventually(
        () => statusOf([again]),
        (s) => s[0] === 'skipped',
      );
      expect(fake.attempts.filter((to) => to === unsubscribed.phone)).toHaveLength(1);

      const coordinator = await createCoordinator(t);
      const list = await t.http
        .get('/v1/notifications?status=failed')
        .set(coordinator.auth)
        .expect(200);
      expect(list.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: rBad, status: 'failed', lastErrorCode: '21211' }),
        ]),
      );
      expect(list.body.items.every((n: { status: string }) => n.status === 'failed')).toBe(true);
    });
  });

  describe('webhooks', () => {
    const STATUS = '/v1/webhooks/twilio/status';
    const INBOUND = '/v1/webhooks/twilio/inbound';

    it('refuses a forged, missing or wrongly keyed signature with 403 problem+json', async () => {
      const params = { MessageSid: `SM${'0'.repeat(32)}`, MessageStatus: 'delivered' };
      const forged = await webhook(STATUS, params, 'bm90LWEtc2lnbmF0dXJl').expect(403);
      expect(forged.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(forged.body).toMatchObject({ type: '/problems/invalid-signature', status: 403 });
      await t.http.post(STATUS).type('form').send(params).expect(403);
      const otherKey = twilio.getExpectedTwilioSignature(
        'x'.repeat(32),
        `${PUBLIC_BASE_URL}${STATUS}`,
        params,
      );
      await webhook(STATUS, params, otherKey).expect(403);
      // Signed for one body, sent with another.
      await webhook(STATUS, { ...params, MessageStatus: 'failed' }, sign(STATUS, params)).expect(
        403,
      );
      await webhook(INBOUND, { From: '+447911100000', Body: 'STOP' }, 'forged').expect(403);
      // Signed but malformed: 400.
      await webhook(STATUS, { MessageSid: 'nope', MessageStatus: 'delivered' }).expect(400);
    });

    it('records delivery; duplicates and late callbacks never move a row back', async () => {
      const buddy = await person(t, Role.Buddy);
      const [id] = await dueReminders(t, [buddy], 1);
      await allSent([id]);
      const [{ provider_message_id: sid }] = await outboxFor(t, buddy.id);

      await webhook(STATUS, {
        MessageSid: sid!,
        MessageStatus: 'sent',
        AccountSid: fake.accountSid,
      }).expect(204);
      expect(await statusOf([id])).toEqual(['sent']);
      await webhook(STATUS, { MessageSid: sid!, MessageStatus: 'delivered' }).expect(204);
      await webhook(STATUS, { MessageSid: sid!, MessageStatus: 'delivered' }).expect(204);
      await webhook(STATUS, {
        MessageSid: sid!,
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
      }).expect(204);
      await webhook(STATUS, { MessageSid: sid!, MessageStatus: 'sent' }).expect(204);
      expect(await statusOf([id])).toEqual(['delivered']);
      await webhook(STATUS, {
        MessageSid: `SM${'f'.repeat(32)}`,
        MessageStatus: 'delivered',
      }).expect(204);

      const mine = await t.http.get('/v1/me/notifications').set(buddy.auth).expect(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          id,
          status: 'delivered',
          body: fake.sentTo(buddy.phone)[0].body,
        }),
      ]);
    });

    it('STOP withdraws SMS consent through the ledger and sends nothing more; START restores it', async () => {
      clock.set('2030-01-25T09:00:00Z');
      const volunteer = await person(t, Role.Volunteer);
      const therapist = await person(t, Role.Therapist);
      const sessionId = randomUUID();
      const start = new Date(clock.now().getTime() + 30 * HOUR);
      await publish(t, 'session.booked', {
        sessionId,
        volunteerId: volunteer.id,
        therapistId: therapist.id,
        startsAt: start,
        endsAt: new Date(start.getTime() + HOUR),
      });
      await eventually(
        () => sentRows([volunteer]),
        (n) => n === 1,
      );

      const stop = await webhook(INBOUND, {
        From: volunteer.phone,
        Body: ' stop ',
        MessageSid: `SM${'1'.repeat(32)}`,
      }).expect(200);
      expect(stop.headers['content-type']).toMatch(/text\/xml/);
      const consent = t.app.get(ConsentService);
      expect(await consent.hasConsent(volunteer.id, ConsentPurpose.SmsReminders)).toBe(false);
      const [withdrawal] = await t.db.query(
        `SELECT granted, channel FROM consent_event WHERE subject_id = $1 AND purpose = 'sms_reminders' ORDER BY seq DESC LIMIT 1`,
        [volunteer.id],
      );
      expect(withdrawal).toEqual({ granted: false, channel: 'sms' });
      const rows = await textsAbout(t, `session:${sessionId}`);
      expect(
        rows.filter((r) => r.recipient_id === volunteer.id && r.status === 'cancelled'),
      ).toHaveLength(2);

      clock.advance(29.5 * HOUR); // both reminders due, the event not begun
      await sweep();
      await eventually(
        () => sentRows([therapist]),
        (n) => n === 3,
      );
      await settle();
      expect(fake.sentTo(volunteer.phone)).toHaveLength(1);

      await webhook(INBOUND, {
        From: volunteer.phone,
        Body: 'START',
        MessageSid: `SM${'2'.repeat(32)}`,
      }).expect(200);
      expect(await consent.hasConsent(volunteer.id, ConsentPurpose.SmsReminders)).toBe(true);
      expect(
        await t.db.query(`SELECT 1 FROM sms_opt_out WHERE phone = $1`, [volunteer.phone]),
      ).toEqual([]);
      const [id] = await dueReminders(t, [volunteer], 1);
      await allSent([id]);

      const help = await webhook(INBOUND, {
        From: volunteer.phone,
        Body: 'help',
        MessageSid: `SM${'3'.repeat(32)}`,
      }).expect(200);
      expect(help.text).toMatch(
        /<Response><Message>Volunteer Wellbeing reminders\..*STOP.*<\/Message><\/Response>/,
      );
    });
  });

  describe('never lost, never twice', () => {
    it('after a Redis flush with reminders pending, sends every one exactly once', async () => {
      clock.set('2030-02-01T09:00:00Z');
      const people: Person[] = [];
      const sessions: string[] = [];
      for (let i = 0; i < 3; i++) {
        const volunteer = await person(t, Role.Volunteer);
        const therapist = await person(t, Role.Therapist);
        people.push(volunteer, therapist);
        const sessionId = randomUUID();
        sessions.push(sessionId);
        const start = new Date(clock.now().getTime() + 30 * HOUR);
        await publish(t, 'session.booked', {
          sessionId,
          volunteerId: volunteer.id,
          therapistId: therapist.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + HOUR),
        });
      }
      await eventually(
        () => sentRows(people),
        (n) => n === 6,
      ); // the confirmations
      const reminders = async () =>
        (await Promise.all(sessions.map((s) => outboxAbout(t, `session:${s}`))))
          .flat()
          .filter((r) => r.template === 'session_reminder');
      const pending = await reminders();
      expect(pending.map((r) => r.status)).toEqual(Array(12).fill('pending'));
      const queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
      const jobs = () => Promise.all(pending.map((r) => queue.getJob(r.id)));
      expect((await jobs()).every((job) => job !== null)).toBe(true);

      expect(await env.flushRedis()).toBeGreaterThan(0);
      expect((await jobs()).every((job) => job === null)).toBe(true);

      clock.advance(29.5 * HOUR); // both reminders due, the event not begun
      await Promise.all([sweep(), sweep()]);
      await eventually(
        () => sentRows(people),
        (n) => n >= 18,
      );
      await sweep();
      await settle();

      expect((await reminders()).map((r) => r.status)).toEqual(Array(12).fill('sent'));
      expect(sentTo(people)).toHaveLength(18);
      expect(new Set(sentTo(people).map((m) => m.sid)).size).toBe(18);
    });

    it(
      'one sweep gives a job to every due row without one, more than a batch of them',
      async () => {
        // As after a Redis flush: 1,100 rows due and no jobs (the sweeper reads 1,000 at a time).
        const people = await Promise.all(Array.from({ length: 5 }, () => person(t, Role.Buddy)));
        const ids = await dueReminders(t, people, 1_100, { track: false });
        const report = await sweep();
        expect(report.added).toBeGreaterThanOrEqual(1_100);
        await allSent(ids, HEAVY_TEST_MS - 30_000);
        await settle();
        expect(sentTo(people)).toHaveLength(1_100);
      },
      HEAVY_TEST_MS,
    );

    it(
      'two worker processes over 500 due reminders send each exactly once',
      async () => {
        const second = await createTestApp({ clock, role: AppRole.Worker });
        try {
          const people = await Promise.all(Array.from({ length: 5 }, () => person(t, Role.Buddy)));
          const ids = await dueReminders(t, people, 500);
          await Promise.all([sweep(t), sweep(second)]);
          await allSent(ids, HEAVY_TEST_MS - 30_000);
          await settle();
          const messages = sentTo(people);
          expect(messages).toHaveLength(500);
          const sids = await t.db.query<Array<{ sid: string }>>(
            `SELECT provider_message_id AS sid FROM notification WHERE id = ANY($1)`,
            [ids],
          );
          expect(new Set(sids.map((r) => r.sid))).toEqual(new Set(messages.map((m) => m.sid)));
        } finally {
          await second.close();
        }
      },
      HEAVY_TEST_MS,
    );

    it(
      'loses nothing when a worker process is killed (SIGKILL) mid-batch',
      async () => {
        clock.set(new Date()); // the child worker runs on the system clock
        const queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
        await queue.pause(true, true); // only the child takes jobs for now
        let child: ChildProcess | undefined;
        try {
          const people = await Promise.all(Array.from({ length: 2 }, () => person(t, Role.Buddy)));
          fake.hold();
          const ids = await dueReminders(t, people, 20);

          child = spawn(
            process.execPath,
            ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
            {
              cwd: `${__dirname}/..`,
              env: {
                ...process.env,
                APP_ROLE: 'worker',
                LOG_LEVEL: 'silent',
                TS_NODE_PROJECT: 'tsconfig.json',
              },
              stdio: 'ignore',
            },
          );
          await eventually(
            () => fake.heldCount,
            (n) => n === 5,
            90_000,
          );
          const exited = new Promise((resolve) => child?.once('exit', resolve));
          child.kill('SIGKILL');
          await exited;
          // Every request left hanging was the child's: they die with it, never accepted.
          await eventually(
            () => fake.heldCount,
            (n) => n === 0,
          );
          fake.release();
          const stuck = (await statusOf(ids)).filter((s) => s === 'sending').length;
          expect(stuck).toBeGreaterThanOrEqual(5);

          await queue.resume(true);
          clock.set(new Date(Date.now() + (SENDING_TIMEOUT_S + 1) * 1000));
          const report = await sweep();
          expect(report.recovered).toBe(stuck);
          await allSent(ids, 60_000);
          await settle();
          expect(sentTo(people)).toHaveLength(20);
          expect(new Set(sentTo(people).map((m) => m.sid)).size).toBe(20);
        } finally {
          fake.release();
          if (child && child.exitCode === null) child.kill('SIGKILL');
          await queue.resume(true);
        }
      },
      HEAVY_TEST_MS,
    );
  });

  describe('queue dashboard', () => {
    it('is for coordinators only: 401 without a token, 403 for others', async () => {
      const anonymous = await t.http.get('/admin/queues').expect(401);
      expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
      await t.http.get('/admin/queues/api/queues').expect(401);
      await t.http.get('/admin/queues/api/queues').set('Authorization', 'Bearer a.b.c').expect(401);
      const volunteer = await person(t, Role.Volunteer, { sms: false });
      await t.http.get('/admin/queues').set(volunteer.auth).expect(403);

      const coordinator = await createCoordinator(t);
      const page = await t.http.get('/admin/queues').set(coordinator.auth).expect(200);
      expect(page.text).toMatch(/<html/i);
      const api = await t.http.get('/admin/queues/api/queues').set(coordinator.auth).expect(200);
      const names = (api.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
      expect(names).toEqual(['notifications']);
    });
  });
});
