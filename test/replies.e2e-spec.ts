import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { DeliveryService } from '../src/notifications/delivery.service';
import {
  FORBIDDEN_WORDS,
  HELP_TEXT,
  NotificationTemplate as T,
} from '../src/notifications/notification-templates';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import { ConsentService } from '../src/consent/consent.service';
import { createCoordinator, createTestApp, TestApp, TestUser, uniqueEmail } from './app';
import { TestClock } from './clock';
import { paired, verifiedBuddy } from './factories/checkins';
import { bookedSession, therapist, volunteer as sessionVolunteer } from './factories/sessions';
import { FakeTwilio } from './fake-twilio';
import { HOUR, smsConsent, uniquePhone } from './notifications.fixtures';

const PUBLIC_BASE_URL = 'https://vws.example.org';
const INBOUND = '/v1/webhooks/twilio/inbound';
const START = '2027-03-01T09:00:00Z'; // a Monday; the buddy factories' pairings call on Saturdays

interface PhoneUser extends TestUser {
  phone: string;
}

/**
 * Replies by text (issue #16 part 1), end to end: reminders go out through the real Twilio SDK to
 * the fake Twilio, replies come back as signed inbound webhooks, and what they change is read
 * back through the API and PostgreSQL.
 */
describe('replies by text', () => {
  const fake = new FakeTwilio();
  const clock = new TestClock(START);
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    // Login client IPs come from a per-process counter shared with uniqueEmail (see checkins).
    for (let i = 0; i < 47_000; i++) uniqueEmail();
    await fake.start();
    Object.assign(process.env, { ...fake.env, PUBLIC_BASE_URL });
    t = await createTestApp({ clock });
    coordinator = await createCoordinator(t);
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  const newSid = () => `SM${randomBytes(16).toString('hex')}`;
  const sign = (params: Record<string, string>) =>
    twilio.getExpectedTwilioSignature(fake.authToken, `${PUBLIC_BASE_URL}${INBOUND}`, params);
  const post = (params: Record<string, string>) =>
    t.http.post(INBOUND).type('form').set('X-Twilio-Signature', sign(params)).send(params);
  /** A text from `from` to our number; returns the text we answered with (TwiML), or null. */
  async function reply(from: string, body: string, sid = newSid()): Promise<string | null> {
    clock.advance(1_000); // a second apart, so received_at orders them
    const res = await post({ MessageSid: sid, From: from, Body: body }).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/xml/);
    return answerIn(res.text);
  }
  const answerIn = (twiml: string) =>
    /<Message>([^<]*)<\/Message>/.exec(twiml)?.[1].replace(/&apos;/g, "'") ?? null;

  /** Sends the next pending text about `about` to `recipientId`, at its due time. */
  async function sendNext(about: string, recipientId: string, template?: T) {
    const [row] = await t.db.query<Array<{ id: string; due_at: Date }>>(
      `SELECT id, due_at FROM notification
        WHERE about = $1 AND recipient_id = $2 AND status = 'pending'
          AND channel IS DISTINCT FROM 'email' -- the text, not its mail twin
          AND ($3::text IS NULL OR template = $3)
        ORDER BY due_at LIMIT 1`,
      [about, recipientId, template ?? null],
    );
    if (clock.now() < row.due_at) clock.set(row.due_at);
    expect(await t.app.get(DeliveryService).deliver(row.id, clock.now())).toBe('sent');
    const [sent] = await t.db.query<Array<{ body: string }>>(
      `SELECT body FROM notification WHERE id = $1`,
      [row.id],
    );
    return sent.body;
  }

  /** A verified buddy with a number of their own and SMS consent, paired with a volunteer. */
  async function buddyPairing() {
    clock.set(START);
    const phone = uniquePhone();
    const buddy = await verifiedBuddy(t, coordinator, { phone });
    await smsConsent(t, buddy.id, true);
    const { pairing, volunteer } = await paired(t, buddy, {}, { phone: uniquePhone() });
    const calls = await t.db.query<Array<{ id: string; starts_at: Date }>>(
      `SELECT id, starts_at FROM checkin WHERE pairing_id = $1 ORDER BY starts_at`,
      [pairing.id],
    );
    const withPhone: PhoneUser = { ...buddy, phone };
    return { buddy: withPhone, volunteer, pairing, calls };
  }

  const callStatus = async (id: string) =>
    (await t.db.query(`SELECT status FROM checkin WHERE id = $1`, [id]))[0].status as string;
  const inboundRows = (phone: string) =>
    t.db.query<Array<{ action: string; channel: string; in_reply_to_id: string | null }>>(
      `SELECT action, channel, in_reply_to_id FROM inbound_message
        WHERE from_phone = $1 ORDER BY received_at, id`,
      [phone],
    );

  describe('a buddy answers a call reminder', () => {
    it('2 logs the call missed; two missed in a row flag the pairing, as the API does', async () => {
      const { buddy, pairing, calls } = await buddyPairing();
      const reminder = await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      expect(reminder).toMatch(/reply 1 if it happened, 2 if missed, or 3 to ask the coordinator/);

      clock.set(new Date(calls[0].starts_at.getTime() + HOUR));
      expect(await reply(buddy.phone, '2')).toBe('Thank you. The call is logged as missed.');
      expect(await callStatus(calls[0].id)).toBe('missed');
      const call = await t.http.get(`/v1/check-ins/${calls[0].id}`).set(buddy.auth).expect(200);
      expect(call.body).toMatchObject({ status: 'missed' });
      const flagged = async () =>
        (await t.db.query(`SELECT flagged_at FROM pairing WHERE id = $1`, [pairing.id]))[0]
          .flagged_at as Date | null;
      expect(await flagged()).toBeNull();

      await sendNext(`checkin:${calls[1].id}`, buddy.id, T.CallReminderBuddy);
      clock.set(new Date(calls[1].starts_at.getTime() + 2 * HOUR));
      expect(await reply(buddy.phone, ' 2. ')).toBe('Thank you. The call is logged as missed.');
      expect(await callStatus(calls[1].id)).toBe('missed');
      expect(await flagged()).not.toBeNull();
      // The coordinators' alert, as after the API's second missed call.
      expect(
        await t.db.query(`SELECT recipient_id FROM notification WHERE about = $1`, [
          `pairing:${pairing.id}`,
        ]),
      ).toContainEqual({ recipient_id: coordinator.id });
      // Audited as the buddy's own outcome.
      const audit = await t.db.query(
        `SELECT actor_id FROM audit_event WHERE action = 'checkin.outcome_recorded' AND target_id = ANY($1)`,
        [[calls[0].id, calls[1].id]],
      );
      expect(audit).toEqual([{ actor_id: buddy.id }, { actor_id: buddy.id }]);
      expect((await inboundRows(buddy.phone)).map((r) => r.action)).toEqual([
        'call-missed',
        'call-missed',
      ]);
    });

    it('1 before the call has begun logs nothing and says when; after it, done; then already logged', async () => {
      const { buddy, calls } = await buddyPairing();
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy); // 1 h before

      clock.set(new Date(calls[0].starts_at.getTime() - 5 * 60_000));
      expect(await reply(buddy.phone, '1')).toBe(
        'Thanks. Your call on Sat 6 Mar, 16:00 (London time) has not started yet, so nothing is ' +
          'logged. Please reply 1 or 2 again once it has.',
      );
      expect(await callStatus(calls[0].id)).toBe('scheduled');

      clock.set(new Date(calls[0].starts_at.getTime() + 40 * 60_000));
      expect(await reply(buddy.phone, '1')).toBe('Thank you. The call is logged as done.');
      expect(await callStatus(calls[0].id)).toBe('completed');
      expect(await reply(buddy.phone, '2')).toBe(
        'That call is already logged as done. To change it, please contact your coordinator.',
      );
      expect(await callStatus(calls[0].id)).toBe('completed');
      expect(await reply(buddy.phone, '1')).toBe('That call is already logged as done. Thank you.');
    });

    it('3 raises a sealed concern about the volunteer, reported by the buddy, for coordinators to read', async () => {
      const { buddy, volunteer, calls } = await buddyPairing();
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      clock.set(new Date(calls[0].starts_at.getTime() + HOUR));

      expect(await reply(buddy.phone, '3')).toMatch(
        /^Thank you\. We have asked the coordinator to get in touch with you\./,
      );
      const concerns = await t.db.query<
        Array<{ id: string; details_sealed: string; urgency: string; category: string }>
      >(
        `SELECT id, details_sealed, urgency, category FROM concern
          WHERE reporter_id = $1 AND subject_user_id = $2`,
        [buddy.id, volunteer.id],
      );
      expect(concerns).toHaveLength(1);
      const [concern] = concerns;
      expect(concern).toMatchObject({ urgency: 'high', category: 'other' });
      expect(concern.details_sealed).not.toMatch(/coordinator|buddy|text/i);
      const read = await t.http.get(`/v1/concerns/${concern.id}`).set(coordinator.auth).expect(200);
      expect(read.body.details).toBe(
        'The buddy asked for the coordinator by text, replying to the reminder of a check-in ' +
          `call (ref ${calls[0].id.slice(0, 8)}, check-in ${calls[0].id}).`,
      );
      // The buddy sees their report's status, like any reporter; the call itself is untouched.
      await t.http.get(`/v1/concerns/${concern.id}`).set(buddy.auth).expect(200);
      expect(await callStatus(calls[0].id)).toBe('scheduled');
    });

    it('a duplicate MessageSid changes nothing, one after the other or both at once', async () => {
      const { buddy, volunteer, calls } = await buddyPairing();
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      clock.set(new Date(calls[0].starts_at.getTime() + HOUR));
      const concernsAbout = async () =>
        (
          await t.db.query(
            `SELECT id FROM concern WHERE reporter_id = $1 AND subject_user_id = $2`,
            [buddy.id, volunteer.id],
          )
        ).length;
      const audits = async () =>
        (
          await t.db.query(
            `SELECT 1 FROM audit_event WHERE action = 'checkin.outcome_recorded' AND target_id = $1`,
            [calls[0].id],
          )
        ).length;

      // One after the other: the second delivery gets an empty answer and does nothing.
      const sid = newSid();
      expect(await reply(buddy.phone, '2', sid)).toBe('Thank you. The call is logged as missed.');
      expect(await reply(buddy.phone, '2', sid)).toBeNull();
      expect(await audits()).toBe(1);

      // Both at once: one effect.
      const twin = { MessageSid: newSid(), From: buddy.phone, Body: '3' };
      const answers = await Promise.all([post(twin).expect(200), post(twin).expect(200)]);
      expect(answers.map((a) => answerIn(a.text) !== null).sort()).toEqual([false, true]);
      expect(await concernsAbout()).toBe(1);
      expect(await inboundRows(buddy.phone)).toHaveLength(2);
    });
  });

  describe('a volunteer answers a session text', () => {
    async function booking() {
      clock.set(START);
      const th = await therapist(t, coordinator, { phone: uniquePhone() });
      await smsConsent(t, th.id, true);
      const volunteerPhone = uniquePhone();
      const v = await sessionVolunteer(t, { phone: volunteerPhone });
      await smsConsent(t, v.id, true);
      const session = await bookedSession(t, th, '2027-03-03T10:00:00Z', v);
      return { therapist: th, volunteer: { ...v, phone: volunteerPhone }, sessionId: session.id };
    }
    const therapistSees = async (therapistUser: TestUser, sessionId: string) => {
      const list = await t.http
        .get('/v1/sessions?status=booked&limit=100')
        .set(therapistUser.auth)
        .expect(200);
      const item = (list.body.items as Array<{ id: string; attendance: string | null }>).find(
        (s) => s.id === sessionId,
      );
      const one = await t.http.get(`/v1/sessions/${sessionId}`).set(therapistUser.auth).expect(200);
      expect(one.body.attendance).toBe(item?.attendance);
      return one.body as { attendance: string | null; attendanceAt: string | null };
    };

    it('YES confirms, and the therapist sees it', async () => {
      const { therapist: th, volunteer, sessionId } = await booking();
      const confirmation = await sendNext(`session:${sessionId}`, volunteer.id);
      expect(confirmation).toMatch(/Reply YES to confirm or NO if you can't make it\./);
      const therapistCopy = await sendNext(`session:${sessionId}`, th.id);
      expect(therapistCopy).not.toMatch(/YES/);
      expect(await therapistSees(th, sessionId)).toMatchObject({ attendance: null });

      expect(await reply(volunteer.phone, 'Yes')).toBe(
        'Thank you. Your wellbeing session on Wed 3 Mar, 10:00 (London time) is confirmed.',
      );
      expect(await therapistSees(th, sessionId)).toMatchObject({
        attendance: 'confirmed',
        attendanceAt: clock.now().toISOString(),
      });
      const audit = await t.db.query(
        `SELECT actor_id, details FROM audit_event WHERE action = 'session.attendance_recorded' AND target_id = $1`,
        [sessionId],
      );
      expect(audit).toEqual([{ actor_id: volunteer.id, details: { attendance: 'confirmed' } }]);
    });

    it('NO marks it, texts the therapist (no health words), and says where to move it', async () => {
      const { therapist: th, volunteer, sessionId } = await booking();
      await sendNext(`session:${sessionId}`, volunteer.id);

      const answer = (await reply(volunteer.phone, 'no')) ?? '';
      const prefix =
        "Thanks for letting us know. We have told Test you can't make it. To choose another " +
        `time, go to ${PUBLIC_BASE_URL}/l/`;
      expect(answer.startsWith(prefix)).toBe(true);
      // The signed link opens this session without signing in.
      const code = answer.slice(prefix.length);
      expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
      const opened = await t.http.get(`/v1/links/${code}`).expect(200);
      expect(opened.body).toMatchObject({ kind: 'session' });
      expect(await therapistSees(th, sessionId)).toMatchObject({ attendance: 'cannot_attend' });
      const text = await sendNext(`session:${sessionId}`, th.id, T.SessionCannotAttend);
      expect(text).toBe(
        "Amira can't make the wellbeing session on Wed 3 Mar, 10:00 (London time) and has been " +
          'asked to choose another time.',
      );
      expect(fake.sentTo(await phoneOf(th.id)).map((m) => m.body)).toContain(text);
      expect(FORBIDDEN_WORDS.filter((w) => text.toLowerCase().includes(w))).toEqual([]);

      // Twice NO: one text to the therapist; then YES after all.
      expect(await reply(volunteer.phone, 'NO')).toMatch(/^Thanks for letting us know/);
      const notices = await t.db.query<Array<{ channel: string | null }>>(
        `SELECT channel FROM notification WHERE about = $1 AND template = 'session_cannot_attend'`,
        [`session:${sessionId}`],
      );
      expect(notices.filter((n) => n.channel !== 'email')).toHaveLength(1);
      expect(notices.filter((n) => n.channel === 'email').length).toBeLessThanOrEqual(1);
      expect(await reply(volunteer.phone, 'YES')).toMatch(/is confirmed\.$/);
      expect(await therapistSees(th, sessionId)).toMatchObject({ attendance: 'confirmed' });
    });

    it('concurrent twins of one NO: one change, one text to the therapist', async () => {
      const { volunteer, sessionId } = await booking();
      await sendNext(`session:${sessionId}`, volunteer.id);
      const twin = { MessageSid: newSid(), From: volunteer.phone, Body: 'NO' };
      await Promise.all([post(twin).expect(200), post(twin).expect(200)]);
      const notices = await t.db.query<Array<{ channel: string | null }>>(
        `SELECT channel FROM notification WHERE about = $1 AND template = 'session_cannot_attend'`,
        [`session:${sessionId}`],
      );
      expect(notices.filter((n) => n.channel !== 'email')).toHaveLength(1);
      expect(notices.filter((n) => n.channel === 'email').length).toBeLessThanOrEqual(1);
      expect(
        await t.db.query(
          `SELECT 1 FROM audit_event WHERE action = 'session.attendance_recorded' AND target_id = $1`,
          [sessionId],
        ),
      ).toHaveLength(1);
    });

    it('a WhatsApp reply counts by number and is recorded as WhatsApp', async () => {
      const { therapist: th, volunteer, sessionId } = await booking();
      await sendNext(`session:${sessionId}`, volunteer.id);
      expect(await reply(`whatsapp:${volunteer.phone}`, 'YES')).toMatch(/is confirmed\.$/);
      expect(await therapistSees(th, sessionId)).toMatchObject({ attendance: 'confirmed' });
      expect(await inboundRows(volunteer.phone)).toEqual([
        expect.objectContaining({ action: 'session-confirmed', channel: 'whatsapp' }),
      ]);
    });

    it('after STOP, YES means START (not a confirmation); STOP still withdraws SMS consent', async () => {
      const { therapist: th, volunteer, sessionId } = await booking();
      await sendNext(`session:${sessionId}`, volunteer.id);
      const consent = t.app.get(ConsentService);

      expect(await reply(volunteer.phone, 'STOP')).toBeNull();
      expect(await consent.hasConsent(volunteer.id, ConsentPurpose.SmsReminders)).toBe(false);
      expect(await reply(volunteer.phone, 'YES')).toBeNull();
      expect(await consent.hasConsent(volunteer.id, ConsentPurpose.SmsReminders)).toBe(true);
      expect(await therapistSees(th, sessionId)).toMatchObject({ attendance: null });
      // Opted back in: now YES answers the session text.
      expect(await reply(volunteer.phone, 'YES')).toMatch(/is confirmed\.$/);
      expect((await inboundRows(volunteer.phone)).map((r) => r.action)).toEqual([
        'stop',
        'start',
        'session-confirmed',
      ]);
    });
  });

  describe('what we cannot act on', () => {
    it('a number we never texted gets HELP on every reply path, and nothing changes', async () => {
      // Texts that could be answered are out, to other numbers, and their calls have begun.
      const { buddy, volunteer: v, pairing, calls } = await buddyPairing();
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      const th = await therapist(t, coordinator, { phone: uniquePhone() });
      await smsConsent(t, v.id, true);
      const session = await bookedSession(t, th, '2027-03-08T10:00:00Z');
      await smsConsent(t, session.volunteer.id, true);
      clock.set(new Date(calls[0].starts_at.getTime() + HOUR));
      const state = async () => ({
        call: await callStatus(calls[0].id),
        concerns: await t.db.query(
          `SELECT id FROM concern WHERE reporter_id = $1 OR subject_user_id = $2`,
          [buddy.id, v.id],
        ),
        flagged: (await t.db.query(`SELECT flagged_at FROM pairing WHERE id = $1`, [pairing.id]))[0]
          .flagged_at,
        session: (
          await t.db.query(`SELECT attendance, status FROM session WHERE id = $1`, [session.id])
        )[0],
        texts: await t.db.query(
          `SELECT id, status FROM notification WHERE about = ANY($1) ORDER BY id`,
          [[`checkin:${calls[0].id}`, `session:${session.id}`]],
        ),
        audit: await t.db.query(`SELECT id FROM audit_event WHERE target_id = ANY($1)`, [
          [calls[0].id, session.id, pairing.id],
        ]),
      });
      const before = await state();

      const stranger = uniquePhone();
      for (const body of ['1', '2', '3', 'YES', 'NO', 'hello']) {
        expect(await reply(stranger, body)).toBe(HELP_TEXT);
        expect(await reply(`whatsapp:${stranger}`, body)).toBe(HELP_TEXT);
      }
      expect(await state()).toEqual(before);
      const rows = await inboundRows(stranger);
      expect(rows).toHaveLength(12);
      expect(rows.every((r) => r.in_reply_to_id === null)).toBe(true);
      expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['no-context', 'unknown']));
    });

    it('an unknown reply, a reply of the wrong kind, or one past the window gets HELP', async () => {
      const { buddy, calls } = await buddyPairing();
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      clock.set(new Date(calls[0].starts_at.getTime() + HOUR));
      expect(await reply(buddy.phone, 'it went fine thanks')).toBe(HELP_TEXT);
      expect(await reply(buddy.phone, 'YES')).toBe(HELP_TEXT);
      expect(await reply(buddy.phone, 'help')).toBe(HELP_TEXT);
      // 36 hours after the reminder went out, it can no longer be answered.
      clock.set(new Date(calls[0].starts_at.getTime() - HOUR + 36 * HOUR + 60_000));
      expect(await reply(buddy.phone, '2')).toBe(HELP_TEXT);
      expect(await callStatus(calls[0].id)).toBe('scheduled');
      expect((await inboundRows(buddy.phone)).map((r) => r.action)).toEqual([
        'unknown',
        'unknown',
        'help',
        'no-context',
      ]);
    });

    it('refuses an inbound without a well-formed MessageSid or From (400)', async () => {
      await post({ From: uniquePhone(), Body: 'YES' }).expect(400);
      await post({ MessageSid: 'SM123', From: uniquePhone(), Body: 'YES' }).expect(400);
      await post({ MessageSid: newSid(), From: 'whatsapp:07911123456', Body: 'YES' }).expect(400);
      await post({ MessageSid: newSid(), Body: 'YES' }).expect(400);
    });
  });

  describe('data rights', () => {
    it('exports a person’s messages to us (what they did) and blanks their number on erasure', async () => {
      const { buddy, calls } = await buddyPairing();
      await sendNext(`checkin:${calls[0].id}`, buddy.id, T.CallReminderBuddy);
      clock.set(new Date(calls[0].starts_at.getTime() + HOUR));
      await reply(buddy.phone, '1');
      const exported = await t.http.get('/v1/me/export').set(buddy.auth).expect(200);
      expect(exported.body.parts.textReplies).toEqual([
        expect.objectContaining({ channel: 'sms', action: 'call-completed' }),
      ]);
      expect(JSON.stringify(exported.body.parts.textReplies)).not.toContain(buddy.phone);

      await t.http.post('/v1/me/erasure').set(buddy.auth).expect(200);
      expect(await inboundRows(buddy.phone)).toEqual([]);
      expect(
        await t.db.query(
          `SELECT action FROM inbound_message WHERE in_reply_to_id IN
          (SELECT id FROM notification WHERE recipient_id = $1)`,
          [buddy.id],
        ),
      ).toEqual([{ action: 'call-completed' }]);
    });
  });

  async function phoneOf(userId: string): Promise<string> {
    return (await t.db.query(`SELECT phone FROM account WHERE id = $1`, [userId]))[0].phone;
  }
});
