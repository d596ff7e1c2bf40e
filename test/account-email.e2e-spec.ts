import type { ParsedMail } from 'mailparser';
import { AppRole } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import {
  createCoordinator,
  createTestApp,
  PASSWORD,
  signUp,
  TestApp,
  testIp,
  uniqueEmail,
} from './app';
import { bearer, browserLogin, refresh, refreshCookieOf } from './browser-session';
import { TestClock } from './clock';
import { isolateDatabaseAndRedis } from './isolated-env';
import { settle } from './notifications.fixtures';
import { startSmtpServer, TestSmtpServer, to } from './smtp';

const MINUTE = 60_000;

/**
 * Sign-up, confirmation, password reset and email change, end to end: the API and a worker send
 * the mails through the outbox to a real SMTP server in this process, and the test follows the
 * links in them as a person would.
 */
describe('accounts by email', () => {
  const clock = new TestClock('2030-03-04T09:00:00Z');
  let smtp: TestSmtpServer;
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await isolateDatabaseAndRedis('account_email');
    Object.assign(process.env, {
      ...smtp.env,
      MAIL_FROM: 'Volunteer Wellbeing <hello@vws.example.org>',
      PUBLIC_BASE_URL: 'https://vws.example.org',
    });
    t = await createTestApp({ clock, role: AppRole.All });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.drop();
    await smtp?.close();
  });

  const register = (email: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/v1/auth/register').send({
      email,
      password: PASSWORD,
      role: 'volunteer',
      name: 'Amira Haddad',
      timezone: 'Europe/London',
      ...extra,
    });
  const login = (email: string, password = PASSWORD) =>
    t.http.post('/v1/auth/login').set('X-Forwarded-For', testIp()).send({ email, password });
  const confirm = (token: string) => t.http.post('/v1/auth/confirm-email').send({ token });
  const requestReset = (email: string, ip = testIp()) =>
    t.http.post('/v1/auth/password-reset').set('X-Forwarded-For', ip).send({ email });
  const completeReset = (token: string, password: string) =>
    t.http.post('/v1/auth/password-reset/complete').send({ token, password });

  /** The next mail to `address` with this subject, not one already read. */
  const read = new Set<ParsedMail>();
  async function mailTo(address: string, subject: string): Promise<ParsedMail> {
    const mail = await smtp.waitFor(
      (m) => to(address)(m) && m.subject === subject && !read.has(m),
      30_000,
    );
    read.add(mail);
    return mail;
  }
  const tokenIn = (mail: ParsedMail): string => {
    const match = /#token=([A-Za-z0-9_-]{43})\b/.exec(mail.text ?? '');
    if (!match) throw new Error(`No link in: ${mail.text}`);
    return match[1];
  };
  /** Every mail row of the account, as the outbox keeps it. */
  const rows = (email: string) =>
    t.db.query<Array<{ template: string; status: string; body: string | null }>>(
      `SELECT n.template, n.status, n.body FROM notification n
         JOIN account a ON a.id = n.recipient_id
        WHERE a.email = $1 OR a.pending_email = $1 ORDER BY n.created_at`,
      [email],
    );
  const accountId = async (email: string) =>
    (await t.db.query<Array<{ id: string }>>(`SELECT id FROM account WHERE email = $1`, [email]))[0]
      ?.id;

  describe('sign-up', () => {
    it('mails a link to a new address; sign-in waits for it, then the link confirms and signs in', async () => {
      const email = uniqueEmail('new');
      const res = await register(email).expect(202);
      expect(res.body).toEqual({ email, linkValidMinutes: 60 });

      const mail = await mailTo(email, 'Confirm your email address');
      expect(mail.text).toContain('Hello Amira,');
      expect(mail.text).toContain('The link works for 60 minutes and only once.');
      const token = tokenIn(mail);
      expect(mail.text).toContain(`https://vws.example.org/confirm-email#token=${token}`);
      expect(mail.html).toContain(`https://vws.example.org/confirm-email#token=${token}`);

      // The right password says what to do; a wrong one says no more than for anyone.
      const early = await login(email).expect(403);
      expect(early.body).toMatchObject({ type: '/problems/email-unconfirmed', status: 403 });
      expect(early.body.detail).toMatch(/follow the link/);
      await login(email, 'not the password at all').expect(401);

      const confirmed = await confirm(token).expect(200);
      expect(confirmed.body).toMatchObject({ tokenType: 'Bearer' });
      expect(refreshCookieOf(confirmed)).toBeDefined();
      const me = await t.http.get('/v1/me').set(bearer(confirmed.body.accessToken)).expect(200);
      expect(me.body).toMatchObject({ email, name: 'Amira Haddad' });
      await login(email).expect(200);

      // The raw token is in the mail only: not in the outbox row, the token table or the audit.
      const [row] = await rows(email);
      expect(row).toMatchObject({ template: 'account_confirm_email', status: 'sent' });
      expect(row.body).toContain('#token=[removed]');
      const everywhere = await t.db.query<Array<{ found: boolean }>>(
        `SELECT EXISTS (SELECT 1 FROM notification WHERE body LIKE '%' || $1 || '%'
                   UNION ALL SELECT 1 FROM audit_event WHERE details::text LIKE '%' || $1 || '%'
                   UNION ALL SELECT 1 FROM email_token WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%') AS found`,
        [token],
      );
      expect(everywhere[0].found).toBe(false);
    });

    it('answers a known address exactly as a new one, tells its owner, and changes nothing', async () => {
      const owner = await signUp(t);
      const fresh = uniqueEmail('fresh');
      const known = await register(owner.email, { password: 'someone else’s passphrase' }).expect(
        202,
      );
      const unknown = await register(fresh).expect(202);
      expect(known.body).toEqual({ email: owner.email, linkValidMinutes: 60 });
      expect(Object.keys(known.body)).toEqual(Object.keys(unknown.body));
      expect(known.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(known.text.replace(owner.email, '')).toBe(unknown.text.replace(fresh, ''));

      const mail = await mailTo(
        owner.email,
        'Someone tried to create an account with your email address',
      );
      expect(mail.text).toContain('You already have an account, so no new one was made.');
      expect(mail.text).toContain('https://vws.example.org/sign-in');
      // The owner's password still works, the stranger's does not; still one account.
      await login(owner.email).expect(200);
      await login(owner.email, 'someone else’s passphrase').expect(401);
      const count = await t.db.query(`SELECT 1 FROM account WHERE email = $1`, [owner.email]);
      expect(count).toHaveLength(1);
    });

    it('sends a new link when an unconfirmed address signs up again; the earlier link then fails', async () => {
      const email = uniqueEmail('again');
      await register(email).expect(202);
      const first = tokenIn(await mailTo(email, 'Confirm your email address'));
      await register(email, { name: 'Amira H', password: 'a second long passphrase' }).expect(202);
      const second = tokenIn(await mailTo(email, 'Confirm your email address'));
      expect(second).not.toBe(first);

      expect((await confirm(first).expect(422)).body).toMatchObject({
        type: '/problems/link-invalid',
      });
      await confirm(second).expect(200);
      // The latest sign-up's details are the account's.
      await login(email, 'a second long passphrase').expect(200);
      await login(email).expect(401);
    });
  });

  describe('links', () => {
    it('refuses a used, a wrong and an expired link with the same 422, and a malformed one with 400', async () => {
      const email = uniqueEmail('links');
      await register(email).expect(202);
      const token = tokenIn(await mailTo(email, 'Confirm your email address'));
      await confirm(token).expect(200);
      const used = await confirm(token).expect(422);
      const wrong = await confirm('A'.repeat(43)).expect(422);
      expect(used.body).toEqual(wrong.body);
      expect(used.body.detail).toBe(
        'This link has expired or has already been used. Ask for a new one.',
      );
      const malformed = await confirm('short').expect(400);
      expect(malformed.body.errors).toEqual([expect.objectContaining({ field: 'token' })]);

      const late = uniqueEmail('late');
      await register(late).expect(202);
      const stale = tokenIn(await mailTo(late, 'Confirm your email address'));
      clock.advance(61 * MINUTE);
      expect((await confirm(stale).expect(422)).body).toEqual(used.body);
      await login(late).expect(403);
    });

    it('lets a coordinator resend a confirmation (audited), and only while there is one to send', async () => {
      const coordinator = await createCoordinator(t);
      const email = uniqueEmail('lost');
      await register(email).expect(202);
      await mailTo(email, 'Confirm your email address');
      const id = await accountId(email);
      await t.http.post(`/v1/people/${id}/email-confirmation`).set(coordinator.auth).expect(204);
      await confirm(tokenIn(await mailTo(email, 'Confirm your email address'))).expect(200);
      const audit = await t.db.query(
        `SELECT actor_id FROM audit_event WHERE action = 'account.confirmation_resent' AND target_id = $1`,
        [id],
      );
      expect(audit).toEqual([{ actor_id: coordinator.id }]);

      const again = await t.http
        .post(`/v1/people/${id}/email-confirmation`)
        .set(coordinator.auth)
        .expect(409);
      expect(again.body).toMatchObject({ type: '/problems/email-confirmed' });
      const volunteer = await signUp(t);
      await t.http.post(`/v1/people/${id}/email-confirmation`).set(volunteer.auth).expect(403);
    });
  });

  describe('password reset', () => {
    it('answers every address the same, and mails only a known, confirmed one', async () => {
      const owner = await signUp(t);
      const unconfirmed = uniqueEmail('unconfirmed');
      await register(unconfirmed).expect(202);
      await mailTo(unconfirmed, 'Confirm your email address');
      const nobody = uniqueEmail('nobody');

      const answers = await Promise.all(
        [owner.email, unconfirmed, nobody].map(async (email) => {
          const res = await requestReset(email).expect(202);
          expect(res.body).toEqual({ email, linkValidMinutes: 30 });
          return res.text.replace(email, '');
        }),
      );
      expect(new Set(answers).size).toBe(1);

      await mailTo(owner.email, 'Reset your password');
      await settle(1_000);
      expect(
        smtp.messages.filter((m) => m.subject === 'Reset your password' && to(unconfirmed)(m)),
      ).toHaveLength(0);
      expect(smtp.messages.filter(to(nobody))).toHaveLength(0);
    });

    it('sets the new password, ends every login and token, and tells the owner', async () => {
      const owner = await signUp(t);
      const elsewhere = await browserLogin(t, owner.email);
      await requestReset(owner.email).expect(202);
      const first = tokenIn(await mailTo(owner.email, 'Reset your password'));
      await requestReset(owner.email).expect(202);
      const second = tokenIn(await mailTo(owner.email, 'Reset your password'));

      await completeReset(second, 'short').expect(400);
      await completeReset(second, 'a brand new passphrase').expect(204);

      await t.http.get('/v1/me').set(owner.auth).expect(401);
      await t.http.get('/v1/me').set(bearer(elsewhere.accessToken)).expect(401);
      await refresh(t, elsewhere.refreshToken).expect(401);
      await login(owner.email).expect(401);
      await login(owner.email, 'a brand new passphrase').expect(200);

      // Each link works once, and using one ends the others.
      expect(
        (await completeReset(second, 'yet another passphrase').expect(422)).body,
      ).toMatchObject({ type: '/problems/link-invalid' });
      await completeReset(first, 'yet another passphrase').expect(422);

      const notice = await mailTo(owner.email, 'Your password was changed');
      expect(notice.text).toContain('If you did not do this, reset your password now');
      expect(notice.text).toContain('https://vws.example.org/forgot-password');
    });

    it('refuses a reset link after 30 minutes', async () => {
      const owner = await signUp(t);
      await requestReset(owner.email).expect(202);
      const token = tokenIn(await mailTo(owner.email, 'Reset your password'));
      clock.advance(31 * MINUTE);
      await completeReset(token, 'a brand new passphrase').expect(422);
      await login(owner.email).expect(200);
    });

    it('limits requests per address and IP, like login, with Retry-After', async () => {
      const email = uniqueEmail('flood');
      const ip = testIp();
      for (let i = 0; i < 5; i++) await requestReset(email, ip).expect(202);
      const limited = await requestReset(email, ip).expect(429);
      expect(limited.headers['retry-after']).toMatch(/^\d+$/);
      expect(limited.body.detail).toMatch(/Too many requests for a password reset/);
    });
  });

  describe('email change', () => {
    it('moves the account only when the new address confirms, and tells the old one', async () => {
      const person = await signUp(t);
      const next = uniqueEmail('next');
      await t.http
        .put('/v1/me/email')
        .set(person.auth)
        .send({ email: next, password: PASSWORD })
        .expect(202);
      const notice = await mailTo(person.email, 'Your sign-in email address is changing');
      expect(notice.text).not.toContain(next);
      const link = await mailTo(next, 'Confirm your new email address');
      expect((await t.http.get('/v1/me').set(person.auth).expect(200)).body.email).toBe(
        person.email,
      );

      const confirmed = await confirm(tokenIn(link)).expect(200);
      expect(
        (await t.http.get('/v1/me').set(bearer(confirmed.body.accessToken)).expect(200)).body.email,
      ).toBe(next);
      await login(next).expect(200);
      await login(person.email).expect(401);
    });

    it('sends nothing to an address another account has, and answers the same', async () => {
      const person = await signUp(t);
      const other = await signUp(t);
      await t.http
        .put('/v1/me/email')
        .set(person.auth)
        .send({ email: other.email, password: PASSWORD })
        .expect(202);
      await settle(1_500);
      // (signUp's own confirmation mail may have gone before it confirmed: not about the change)
      const aboutChange = (address: string) =>
        smtp.messages.filter((m) => to(address)(m) && m.subject !== 'Confirm your email address');
      expect(aboutChange(other.email)).toHaveLength(0);
      expect(aboutChange(person.email)).toHaveLength(0);
    });
  });

  it('forgets an erased account’s links and the address it asked for: the link then fails', async () => {
    const person = await signUp(t, Role.Volunteer);
    const next = uniqueEmail('erased');
    await t.http
      .put('/v1/me/email')
      .set(person.auth)
      .send({ email: next, password: PASSWORD })
      .expect(202);
    const token = tokenIn(await mailTo(next, 'Confirm your new email address'));
    await t.http.post('/v1/me/erasure').set(person.auth).expect(200);
    const [row] = await t.db.query<Array<{ pending_email: string | null; links: number }>>(
      `SELECT pending_email, (SELECT count(*)::int FROM email_token WHERE account_id = $1) AS links
         FROM account WHERE id = $1`,
      [person.id],
    );
    expect(row).toEqual({ pending_email: null, links: 0 });
    await confirm(token).expect(422);
  });
});
