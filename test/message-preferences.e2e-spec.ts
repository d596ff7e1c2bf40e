import { getQueueToken } from '@nestjs/bull';
import { randomUUID } from 'node:crypto';
import type { Queue } from 'bull';
import { AppRole } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import { QueueName } from '../src/common/queues';
import { SweeperService } from '../src/notifications/sweeper.service';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import {
  bookedSession,
  consent,
  newCoordinator,
  signUp,
  therapist,
  volunteer,
} from './factories/sessions';
import { isolateDatabaseAndRedis } from './isolated-env';
import { eventually, publish, settle } from './notifications.fixtures';
import { startSmtpServer, TestSmtpServer, to } from './smtp';

const TODAY = '2027-02-20T12:00:00Z'; // a Saturday; the sessions factories' dates fit it

/**
 * Who gets which message by email, text or both: each person's choice per kind, the defaults
 * (reminders by text, changes by both), therapists always by email for changes, coordinators'
 * urgent alerts by both; mail only to a confirmed address. Real SMTP, real Redis and PostgreSQL.
 */
describe('message preferences: email, text or both', () => {
  const clock = new TestClock(TODAY);
  let smtp: TestSmtpServer;
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await isolateDatabaseAndRedis('message_prefs');
    Object.assign(process.env, smtp.env);
    t = await createTestApp({ clock, role: AppRole.Worker });
    coordinator = await newCoordinator(t);
    // Never confirmed an address (the factories confirm every one): the urgent-alert test's point.
    await unconfirmEmail(coordinator);
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.drop();
    await smtp?.close();
  });

  const confirmEmail = (user: TestUser) =>
    t.db.query(`UPDATE account SET email_confirmed_at = now() WHERE id = $1`, [user.id]);
  /** Takes back the confirmation the factories give every test person's address. */
  const unconfirmEmail = (user: TestUser) =>
    t.db.query(`UPDATE account SET email_confirmed_at = NULL WHERE id = $1`, [user.id]);
  const prefs = (user: TestUser) => t.http.get('/v1/me/message-preferences').set(user.auth);
  const choose = (user: TestUser, body: Record<string, unknown>) =>
    t.http.put('/v1/me/message-preferences').set(user.auth).send(body);

  /** Each row about a thing as `recipient template channel`, sorted. */
  const rowsAbout = async (about: string) =>
    (
      await t.db.query<Array<{ recipient_id: string; template: string; channel: string }>>(
        `SELECT recipient_id, template, channel FROM notification WHERE about = $1`,
        [about],
      )
    )
      .map((r) => `${r.recipient_id} ${r.template} ${r.channel}`)
      .sort();

  describe('choosing', () => {
    it('starts from reminders by text and changes by both, and keeps what I choose', async () => {
      const v = await signUp(t, Role.Volunteer);
      await unconfirmEmail(v);
      const first = await prefs(v).expect(200);
      expect(first.headers['cache-control']).toContain('no-store');
      expect(first.body).toEqual({
        reminders: 'text',
        changes: 'both',
        hasEmail: true,
        emailConfirmed: false,
        changesAlwaysByEmail: false,
      });
      await confirmEmail(v);
      const chosen = await choose(v, { reminders: 'both' }).expect(200);
      expect(chosen.body).toMatchObject({
        reminders: 'both',
        changes: 'both',
        emailConfirmed: true,
      });
      await choose(v, { changes: 'text' }).expect(200);
      expect((await prefs(v).expect(200)).body).toMatchObject({
        reminders: 'both',
        changes: 'text',
      });
    });

    it('refuses what cannot be, in plain words', async () => {
      const th = await signUp(t, Role.Therapist);
      expect((await prefs(th).expect(200)).body.changesAlwaysByEmail).toBe(true);
      const refused = await choose(th, { changes: 'text' }).expect(422);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body).toMatchObject({ type: '/problems/changes-by-email' });
      expect(refused.body.detail).toMatch(/by email/);
      await choose(th, { changes: 'email', reminders: 'both' }).expect(200);

      const v = await signUp(t, Role.Volunteer);
      const bad = await choose(v, { reminders: 'pigeon' }).expect(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
      await choose(v, { reminders: 'email', extra: 1 }).expect(400);
      await prefs(coordinator).expect(403);
      await t.http.get('/v1/me/message-preferences').expect(401);
    });
  });

  describe('writing and sending', () => {
    it('sends a booking by mail to both once, after a Redis flush between booking and send', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      await confirmEmail(th);
      await confirmEmail(v);
      await choose(v, { reminders: 'both' }).expect(200);

      // The worker holds off, so the mails are still jobs in Redis when the flush comes.
      const queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
      await queue.pause(true, true);
      const { id } = await bookedSession(t, th, '2027-03-01T10:00:00Z', v);
      const rows = await rowsAbout(`session:${id}`);
      // Therapist: changes by both (always email), reminders by text (the default).
      // Volunteer: changes by both (the default), reminders by both (chosen).
      expect(rows).toEqual(
        [
          `${th.id} session_confirmation email`,
          `${th.id} session_confirmation sms`,
          `${th.id} session_reminder sms`,
          `${th.id} session_reminder sms`,
          `${v.id} session_confirmation email`,
          `${v.id} session_confirmation sms`,
          `${v.id} session_reminder email`,
          `${v.id} session_reminder email`,
          `${v.id} session_reminder sms`,
          `${v.id} session_reminder sms`,
        ].sort(),
      );

      expect(await env.flushRedis()).toBeGreaterThan(0);
      await queue.resume(true);
      await t.app.get(SweeperService).sweep(clock.now());
      const toTherapist = await smtp.waitFor(to(th.email));
      const toVolunteer = await smtp.waitFor(to(v.email));
      expect(toTherapist.subject).toBe('Your appointment is booked');
      expect(toTherapist.text).toContain('Your wellbeing session with Amira is booked for');
      expect(toTherapist.text).toContain('Mon 1 Mar, 10:00 (London time)');
      expect(toVolunteer.subject).toBe('Your appointment is booked');
      await settle();
      expect(smtp.messages.filter(to(th.email))).toHaveLength(1);
      expect(smtp.messages.filter(to(v.email))).toHaveLength(1);
    });

    it('writes no mail for an address not confirmed, and only mail for email-only', async () => {
      const th = await therapist(t, coordinator);
      await confirmEmail(th);
      await choose(th, { changes: 'email' }).expect(200);
      const v = await volunteer(t);
      await unconfirmEmail(v); // never confirmed
      await choose(v, { changes: 'email' }).expect(200);
      const { id } = await bookedSession(t, th, '2027-03-02T10:00:00Z', v);
      const confirmations = (await rowsAbout(`session:${id}`)).filter((r) =>
        r.includes('confirmation'),
      );
      // Email only for the therapist; the volunteer's choice needs a confirmed address, so text.
      expect(confirmations).toEqual(
        [`${th.id} session_confirmation email`, `${v.id} session_confirmation sms`].sort(),
      );
      await smtp.waitFor(to(th.email));
      await settle();
      expect(smtp.messages.filter(to(v.email))).toHaveLength(0);
    });

    it('stops texts, not mail, when someone withdraws their agreement to texts', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      await confirmEmail(v);
      await choose(v, { reminders: 'both' }).expect(200);
      const { id } = await bookedSession(t, th, '2027-03-04T10:00:00Z', v);
      await consent(t, v.id, [ConsentPurpose.SmsReminders], true);
      await consent(t, v.id, [ConsentPurpose.SmsReminders], false);
      const reminders = await t.db.query<Array<{ channel: string; status: string }>>(
        `SELECT channel, status FROM notification
          WHERE about = $1 AND recipient_id = $2 AND template = 'session_reminder'
          ORDER BY channel`,
        [`session:${id}`, v.id],
      );
      expect(reminders).toEqual([
        { channel: 'email', status: 'pending' },
        { channel: 'email', status: 'pending' },
        { channel: 'sms', status: 'cancelled' },
        { channel: 'sms', status: 'cancelled' },
      ]);
    });

    it('tells a buddy and a volunteer of a moved call by mail, and the buddy of one called off', async () => {
      const buddy = await signUp(t, Role.Buddy, { name: 'Jo Buddy' });
      const v = await signUp(t, Role.Volunteer, { name: 'Amira Haddad' });
      await confirmEmail(buddy);
      await confirmEmail(v);
      await choose(v, { changes: 'email' }).expect(200);
      const call = {
        pairingId: randomUUID(),
        checkinId: randomUUID(),
        buddyId: buddy.id,
        volunteerId: v.id,
        startsAt: new Date('2027-03-05T18:00:00Z'),
        channel: 'phone' as const,
      };
      await publish(t, 'checkin.moved', {
        ...call,
        previousStartsAt: new Date('2027-03-04T18:00:00Z'),
      });
      const moved = (await rowsAbout(`checkin:${call.checkinId}`)).filter((r) =>
        r.includes('call_moved'),
      );
      expect(moved).toEqual(
        [
          `${buddy.id} call_moved email`,
          `${buddy.id} call_moved sms`,
          `${v.id} call_moved email`,
        ].sort(),
      );
      const toBuddy = await smtp.waitFor(to(buddy.email));
      expect(toBuddy.subject).toBe('Your check-in call has moved');
      expect(toBuddy.text).toContain('Your check-in call with Amira has moved to Fri 5 Mar, 18:00');

      await publish(t, 'checkin.cancelled', { ...call, cancelledBy: v.id });
      await smtp.waitFor(
        (m) => to(buddy.email)(m) && m.subject === 'A check-in call is called off',
      );
    });

    it('tells every coordinator of an urgent concern by mail as well as by text', async () => {
      const c = await newCoordinator(t);
      await confirmEmail(c);
      const reporter = await signUp(t, Role.Volunteer);
      const raised = await t.http
        .post('/v1/concerns')
        .set(reporter.auth)
        .send({
          subjectDescription: 'A man offering rides to teenagers',
          category: 'child_at_risk',
          details: 'Seen twice near the water point',
          urgency: 'urgent',
        })
        .expect(201);
      const rows = await rowsAbout(`concern:${raised.body.id}`);
      expect(rows).toEqual(
        expect.arrayContaining([
          `${c.id} urgent_concern_alert email`,
          `${c.id} urgent_concern_alert sms`,
        ]),
      );
      // The first coordinator never confirmed an address: a text only.
      expect(rows.filter((r) => r.startsWith(coordinator.id))).toEqual([
        `${coordinator.id} urgent_concern_alert sms`,
      ]);
      const mail = await smtp.waitFor(to(c.email));
      expect(mail.subject).toBe('Urgent: a concern has been reported');
      expect(mail.text).not.toContain('water point');
      expect(mail.text).toContain(`ref ${(raised.body.id as string).slice(0, 8)}`);
    });

    it('still sends nothing once the address is no longer confirmed at send time', async () => {
      const th = await therapist(t, coordinator);
      await confirmEmail(th);
      const queue = t.app.get<Queue>(getQueueToken(QueueName.Notifications));
      await queue.pause(true, true);
      const { id } = await bookedSession(t, th, '2027-03-03T10:00:00Z');
      await t.db.query(`UPDATE account SET email_confirmed_at = NULL WHERE id = $1`, [th.id]);
      await queue.resume(true);
      const [mailRow] = await t.db.query<Array<{ id: string }>>(
        `SELECT id FROM notification WHERE about = $1 AND recipient_id = $2 AND channel = 'email'`,
        [`session:${id}`, th.id],
      );
      const settled = await eventually(
        async () =>
          (
            await t.db.query<Array<{ status: string; reason: string | null }>>(
              `SELECT status, reason FROM notification WHERE id = $1`,
              [mailRow.id],
            )
          )[0],
        (r) => r.status === 'skipped' || r.status === 'sent',
      );
      expect(settled).toEqual({ status: 'skipped', reason: 'no-confirmed-email' });
      expect(smtp.messages.filter(to(th.email))).toHaveLength(0);
    });
  });
});
