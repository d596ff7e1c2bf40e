import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/auth.decorators';
import { DeliveryService } from '../src/notifications/delivery.service';
import { NotificationTemplate as T } from '../src/notifications/notification-templates';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import {
  confirmEmail,
  createTestApp,
  PASSWORD,
  signInAgain,
  TestApp,
  TestUser,
  uniqueEmail,
} from './app';
import { TestClock } from './clock';
import { FakeTwilio } from './fake-twilio';
import { startSmtpServer, TestSmtpServer, to } from './smtp';
import { HOUR, OutboxRow, smsConsent, uniquePhone } from './notifications.fixtures';
import { volunteerProfile } from './people.fixtures';

const MINUTE = 60_000;

interface PhoneUser extends TestUser {
  phone: string;
}

/**
 * Phone numbers proven before texts go to them (issue #23): numbers typed as they are written in
 * their country, the code by text (through the real Twilio SDK to a fake Twilio), its limits, and
 * texts held back from a number until its owner typed the code back.
 */
describe('phone numbers', () => {
  const fake = new FakeTwilio();
  const clock = new TestClock('2027-05-03T09:00:00Z');
  let smtp: TestSmtpServer;
  let t: TestApp;

  beforeAll(async () => {
    await fake.start();
    smtp = await startSmtpServer();
    Object.assign(process.env, {
      ...fake.env,
      ...smtp.env,
      PUBLIC_BASE_URL: 'https://vws.example.org',
    });
    t = await createTestApp({ clock });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await fake.stop();
  });

  const register = (body: Record<string, unknown>) =>
    t.http.post('/v1/auth/register').send({
      email: uniqueEmail('phone'),
      password: PASSWORD,
      role: Role.Volunteer,
      name: 'Amira Haddad',
      timezone: 'Europe/London',
      ...body,
    });

  const me = async (user: TestUser) =>
    (await t.http.get('/v1/me').set(user.auth).expect(200)).body as Record<string, unknown>;

  /**
   * Registers (sign-up answers 202 without an id), confirms the address as its link would (the
   * account's id comes from there), and signs the person in.
   */
  async function registered(body: Record<string, unknown>): Promise<TestUser> {
    const email = uniqueEmail('phone');
    const res = await register({ ...body, email }).expect(202);
    expect(res.body).toMatchObject({ email });
    expect(res.body.id).toBeUndefined();
    const id = await confirmEmail(t, email);
    return signInAgain(t, {
      id,
      email,
      role: Role.Volunteer,
      token: '',
      auth: { Authorization: '' },
    });
  }

  /**
   * A volunteer whose number is not confirmed yet (signUp would confirm it), agreeing to SMS.
   * Their address is confirmed (signing in needs it) unless `email: false`, which takes the
   * confirmation back once they are signed in.
   */
  async function unconfirmed(options: { sms?: boolean; email?: boolean } = {}): Promise<PhoneUser> {
    const phone = uniquePhone();
    const user = await registered({ phone });
    expect(await me(user)).toMatchObject({ phone, phoneConfirmed: false });
    if (options.email === false) {
      await t.db.query(`UPDATE account SET email_confirmed_at = NULL WHERE id = $1`, [user.id]);
    }
    if (options.sms ?? true) await smsConsent(t, user.id, true);
    return { ...user, phone };
  }

  const rows = (recipientId: string, template: T): Promise<OutboxRow[]> =>
    t.db.query(
      `SELECT * FROM notification WHERE recipient_id = $1 AND template = $2 ORDER BY created_at`,
      [recipientId, template],
    );

  /** Sends every pending row of `template` to the person, as the worker would. */
  async function deliver(user: TestUser, template: T): Promise<OutboxRow[]> {
    for (const row of await rows(user.id, template)) {
      if (row.status === 'pending') await t.app.get(DeliveryService).deliver(row.id, clock.now());
    }
    return rows(user.id, template);
  }

  /** A reminder of a session two hours ahead, due now; `key` names the message. */
  async function remind(user: TestUser, key = `test:${randomUUID()}`): Promise<OutboxRow> {
    await t.db.transaction((em) =>
      t.app.get(NotificationsRepository).add(
        [
          {
            recipientId: user.id,
            template: T.SessionReminder,
            about: `session:${randomUUID()}`,
            payload: { startsAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString() },
            idempotencyKey: key,
            dueAt: clock.now(),
          },
        ],
        em,
      ),
    );
    await deliver(user, T.SessionReminder);
    // Again: a mail written instead of the text goes too.
    const sent = await deliver(user, T.SessionReminder);
    return sent.filter((r) => r.idempotency_key === key)[0];
  }

  const askCode = (user: TestUser) => t.http.post('/v1/me/phone/code').set(user.auth);
  const confirm = (user: TestUser, code: string) =>
    t.http.post('/v1/me/phone/confirm').set(user.auth).send({ code });

  /** Asks for a code and has it texted; returns the 6 digits the person reads. */
  async function textedCode(user: PhoneUser): Promise<string> {
    await askCode(user).expect(202);
    await deliver(user, T.PhoneCode);
    const texts = fake.sentTo(user.phone);
    const digits = /your code is (\d{6})\./.exec(texts[texts.length - 1]?.body ?? '');
    expect(digits).not.toBeNull();
    return digits![1];
  }

  describe('written as in their country', () => {
    it.each([
      ['GB', '07400 123456', '+447400123456', '07400 123456'],
      ['GR', '691 234 5678', '+306912345678', '691 234 5678'],
      ['FR', '06 12 34 56 78', '+33612345678', '06 12 34 56 78'],
      ['GB', '+30 691 234 5678', '+306912345678', '691 234 5678'],
    ])('%s "%s" is stored as %s and shown back as %s', async (country, typed, e164, national) => {
      const user = await registered({ phone: typed, phoneCountry: country });
      expect(await me(user)).toMatchObject({
        phone: e164,
        phoneNational: national,
        phoneConfirmed: false,
      });
    });

    it('refuses a number that is not one of the country chosen, in plain words', async () => {
      const res = await register({ phone: '691 234 5678', phoneCountry: 'GB' }).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([
        {
          field: 'phone',
          message:
            'Enter a mobile number from the United Kingdom, like 07400 123456, or choose the country the number is from',
        },
      ]);
    });

    it('refuses a country it does not know, and letters in a number', async () => {
      const bad = await register({ phone: '07400 123456', phoneCountry: 'XX' }).expect(400);
      expect(bad.body.errors).toEqual(
        expect.arrayContaining([
          {
            field: 'phoneCountry',
            message: 'Choose the country of the phone number from the list',
          },
        ]),
      );
      const letters = await register({ phone: '07400 12345a', phoneCountry: 'GB' }).expect(400);
      expect(letters.body.errors.map((e: { field: string }) => e.field)).toEqual(['phone']);
    });

    it('still reads E.164 without a country, and nothing else', async () => {
      await register({ phone: '+447400123457' }).expect(202);
      await register({ phone: '07400 123457' }).expect(400);
    });

    it('reads a profile number in its country too', async () => {
      const user = await unconfirmed();
      const res = await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send({ ...volunteerProfile(), phone: '6912345679', phoneCountry: 'GR' })
        .expect(200);
      expect(res.body).toMatchObject({ phone: '+306912345679', phoneCountry: 'GR' });
    });
  });

  describe('proving a number', () => {
    it('sends no text to an unconfirmed number until its owner types back the code', async () => {
      const user = await unconfirmed();
      const held = await remind(user);
      expect(held).toMatchObject({ status: 'skipped', reason: 'phone-unconfirmed' });
      expect(fake.sentTo(user.phone)).toEqual([]);

      const asked = await askCode(user).expect(202);
      expect(asked.body).toEqual({ sentTo: expect.any(String), minutesValid: 10, codesLeft: 2 });
      await deliver(user, T.PhoneCode);
      const code = /your code is (\d{6})\./.exec(fake.sentTo(user.phone)[0]?.body ?? '')?.[1] ?? '';
      expect(code).toMatch(/^\d{6}$/);
      const [codeRow] = await rows(user.id, T.PhoneCode);
      expect(codeRow.status).toBe('sent');
      // The row records what went, less the code.
      expect(codeRow.body).toContain('[removed]');
      expect(codeRow.body).not.toContain(code);
      expect(fake.sentTo(user.phone)).toHaveLength(1);

      await confirm(user, code.replace(/(\d{3})/, '$1 ')).expect(204);
      expect(await me(user)).toMatchObject({ phoneConfirmed: true });
      expect(await remind(user)).toMatchObject({ status: 'sent' });
      expect(fake.sentTo(user.phone)).toHaveLength(2);

      await askCode(user).expect(409);
      const audit = await t.db.query(
        `SELECT details FROM audit_event WHERE action = 'account.phone_confirmed' AND target_id = $1`,
        [user.id],
      );
      expect(audit).toEqual([{ details: {} }]);
    });

    it('texts the code without consent to reminders, which still do not go', async () => {
      const user = await unconfirmed({ sms: false });
      const code = await textedCode(user);
      await confirm(user, code).expect(204);
      expect(await remind(user)).toMatchObject({ status: 'skipped', reason: 'no-consent' });
    });

    it('stops texts when the number changes, until the new one is confirmed', async () => {
      const user = await unconfirmed();
      await confirm(user, await textedCode(user)).expect(204);
      expect(await remind(user)).toMatchObject({ status: 'sent' });

      const newPhone = uniquePhone();
      const changed = await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send({ ...volunteerProfile(), phone: newPhone })
        .expect(200);
      expect(changed.body).toMatchObject({ phone: newPhone, phoneConfirmed: false });
      expect(await remind(user)).toMatchObject({ status: 'skipped', reason: 'phone-unconfirmed' });
      expect(fake.sentTo(newPhone)).toEqual([]);

      const moved = { ...user, phone: newPhone };
      await confirm(moved, await textedCode(moved)).expect(204);
      expect(await remind(user)).toMatchObject({ status: 'sent' });
      expect(fake.sentTo(newPhone)).toHaveLength(2);
    });

    it('does not confirm a number with a code sent to the one before', async () => {
      const user = await unconfirmed();
      const code = await textedCode(user);
      await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send({ ...volunteerProfile(), phone: uniquePhone() })
        .expect(200);
      const res = await confirm(user, code).expect(422);
      expect(res.body.type).toBe('/problems/phone-changed');
      expect(await me(user)).toMatchObject({ phoneConfirmed: false });
    });

    it('takes 5 wrong tries of a code, then no more, not even the right one', async () => {
      const user = await unconfirmed();
      const code = await textedCode(user);
      const wrong = code === '000000' ? '000001' : '000000';
      for (const left of [4, 3, 2, 1]) {
        const res = await confirm(user, wrong).expect(422);
        expect(res.body).toMatchObject({ type: '/problems/wrong-code', triesLeft: left });
      }
      expect((await confirm(user, wrong).expect(422)).body.type).toBe('/problems/code-used-up');
      expect((await confirm(user, code).expect(422)).body.type).toBe('/problems/code-used-up');
      expect(await me(user)).toMatchObject({ phoneConfirmed: false });
      // A new code works.
      await confirm(user, await textedCode(user)).expect(204);
    });

    it('lets a code work for 10 minutes, and only the latest one', async () => {
      const user = await unconfirmed();
      const first = await textedCode(user);
      clock.advance(10 * MINUTE);
      expect((await confirm(user, first).expect(422)).body.type).toBe('/problems/code-expired');

      const second = await textedCode(user);
      const third = await textedCode(user);
      if (second !== third) await confirm(user, second).expect(422);
      clock.advance(9 * MINUTE);
      await confirm(user, third).expect(204);
      expect((await confirm(user, third).expect(409)).body.type).toBe(
        '/problems/phone-already-confirmed',
      );
    });

    it('gives 3 codes an hour, even to requests at once', async () => {
      const user = await unconfirmed();
      const answers = await Promise.all(Array.from({ length: 5 }, () => askCode(user)));
      expect(answers.map((r) => r.status).sort()).toEqual([202, 202, 202, 429, 429]);
      const refused = answers.find((r) => r.status === 429)!;
      expect(refused.body.type).toBe('/problems/too-many-codes');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(await rows(user.id, T.PhoneCode)).toHaveLength(3);

      clock.advance(HOUR);
      await askCode(user).expect(202);
    });

    it('forgets the codes and the numbers they went to when the person is erased', async () => {
      const user = await unconfirmed();
      await textedCode(user);
      await t.http.post('/v1/me/erasure').set(user.auth).expect(200);
      expect(
        await t.db.query(`SELECT id FROM phone_code WHERE account_id = $1`, [user.id]),
      ).toEqual([]);
    });

    it('says what to do first without a number or before any code went', async () => {
      const user = await registered({});
      expect((await askCode(user).expect(409)).body.type).toBe('/problems/no-phone');
      const other = await unconfirmed();
      expect((await confirm(other, '123456').expect(409)).body.type).toBe('/problems/no-code');
      const badShape = await confirm(other, '12345').expect(400);
      expect(badShape.body.errors).toEqual([
        { field: 'code', message: 'Enter the 6-digit code from the text' },
      ]);
    });
  });

  describe('reminders while a number waits', () => {
    it('go by email to a confirmed address instead, once', async () => {
      const user = await unconfirmed(); // its address confirmed
      const key = `test:${randomUUID()}`;
      const text = await remind(user, key);
      expect(text).toMatchObject({ status: 'skipped', reason: 'phone-unconfirmed' });
      const [mailRow] = await t.db.query<OutboxRow[]>(
        `SELECT * FROM notification WHERE idempotency_key = $1`,
        [`${key}:email`],
      );
      expect(mailRow).toMatchObject({ status: 'sent', channel: 'email' });
      const mail = await smtp.waitFor(to(user.email));
      expect(mail.subject).toBeTruthy();
      expect(mail.text).toContain('This is a reminder of your wellbeing session');
      expect(fake.sentTo(user.phone)).toEqual([]);

      // The same message again (a retry of the text row): no second mail row, no second mail.
      await t.db.query(`UPDATE notification SET status = 'pending' WHERE id = $1`, [text.id]);
      await t.app.get(DeliveryService).deliver(text.id, clock.now());
      expect(
        await t.db.query(`SELECT id FROM notification WHERE idempotency_key LIKE $1`, [`${key}%`]),
      ).toHaveLength(2);
      expect(smtp.messages.filter(to(user.email))).toHaveLength(1);
    });

    it('go nowhere without a confirmed address, and not by email once the number is confirmed', async () => {
      const user = await unconfirmed({ email: false });
      const key = `test:${randomUUID()}`;
      expect(await remind(user, key)).toMatchObject({ reason: 'phone-unconfirmed' });
      expect(
        await t.db.query(`SELECT id FROM notification WHERE idempotency_key = $1`, [
          `${key}:email`,
        ]),
      ).toEqual([]);

      await confirmEmail(t, user.email);
      await confirm(user, await textedCode(user)).expect(204);
      const again = `test:${randomUUID()}`;
      expect(await remind(user, again)).toMatchObject({ status: 'sent' });
      expect(
        await t.db.query(`SELECT id FROM notification WHERE idempotency_key = $1`, [
          `${again}:email`,
        ]),
      ).toEqual([]);
    });
  });
});
