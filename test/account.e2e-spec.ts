import { AuditEvent } from '../src/audit/audit-event.entity';
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
import { bearer, browserLogin, refresh } from './browser-session';
import { volunteerProfile } from './people.fixtures';

/** Changing one's own name, email and password (issue #22). */
describe('account changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const me = (auth: { Authorization: string }) => t.http.get('/v1/me').set(auth).expect(200);
  const login = (email: string, password = PASSWORD) =>
    t.http.post('/v1/auth/login').set('X-Forwarded-For', testIp()).send({ email, password });
  const fields = (problem: { errors: { field: string }[] }) => [
    ...new Set(problem.errors.map((e) => e.field)),
  ];
  const audited = (action: string, targetId: string) =>
    t.db.getRepository(AuditEvent).countBy({ action, targetId });

  describe('PATCH /v1/me/account', () => {
    it('changes a volunteer’s name and preferred name, leaving out what is not sent', async () => {
      const v = await signUp(t);
      await t.http.put('/v1/me/profile').set(v.auth).send(volunteerProfile()).expect(200);
      const res = await t.http
        .patch('/v1/me/account')
        .set(v.auth)
        .send({ name: '  Rosa Martínez ', preferredName: 'Rosa' })
        .expect(200);
      expect(res.body).toMatchObject({ name: 'Rosa Martínez', profile: { preferredName: 'Rosa' } });

      await t.http.patch('/v1/me/account').set(v.auth).send({ name: 'Rosa M' }).expect(200);
      expect((await me(v.auth)).body).toMatchObject({
        name: 'Rosa M',
        profile: { preferredName: 'Rosa', languages: ['en', 'ar'] },
      });
      await t.http.patch('/v1/me/account').set(v.auth).send({ preferredName: null }).expect(200);
      expect((await me(v.auth)).body.profile.preferredName).toBeNull();
      expect(await audited('profile.updated', v.id)).toBe(4);
    });

    it('changes a therapist’s and a coordinator’s name, and refuses them a preferred name with 400', async () => {
      const therapist = await signUp(t, Role.Therapist);
      const coordinator = await createCoordinator(t);
      for (const person of [therapist, coordinator]) {
        await t.http
          .patch('/v1/me/account')
          .set(person.auth)
          .send({ name: 'New Name' })
          .expect(200);
        const refused = await t.http
          .patch('/v1/me/account')
          .set(person.auth)
          .send({ name: 'Other Name', preferredName: 'Nic' })
          .expect(400);
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'preferredName' })]);
        expect((await me(person.auth)).body.name).toBe('New Name');
      }
    });

    it('answers 409 for a preferred name before the volunteer’s profile exists, and changes nothing', async () => {
      const v = await signUp(t);
      const res = await t.http
        .patch('/v1/me/account')
        .set(v.auth)
        .send({ name: 'Changed', preferredName: 'Ch' })
        .expect(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ type: '/problems/profile-missing' });
      expect((await me(v.auth)).body).toMatchObject({ name: 'Test volunteer', profile: null });
    });

    it.each([
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(121) }, 'name'],
      [{ name: 42 }, 'name'],
      [{ preferredName: 'x'.repeat(81) }, 'preferredName'],
    ])('refuses %j with 400 naming %s, and changes nothing', async (body, field) => {
      const v = await signUp(t);
      const res = await t.http.patch('/v1/me/account').set(v.auth).send(body).expect(400);
      expect(fields(res.body)).toEqual([field]);
      expect((await me(v.auth)).body.name).toBe('Test volunteer');
    });
  });

  describe('PUT /v1/me/email', () => {
    it('keeps the sign-in address until the new one is confirmed (the link: account-email spec): 202', async () => {
      const v = await signUp(t);
      const next = uniqueEmail('moved');
      const res = await t.http
        .put('/v1/me/email')
        .set(v.auth)
        .send({ email: next, password: PASSWORD })
        .expect(202);
      expect(res.body).toEqual({ email: next, confirmationSent: true, linkValidMinutes: 60 });
      expect((await me(v.auth)).body.email).toBe(v.email); // this login goes on
      await login(v.email).expect(200);
      await login(next).expect(401);
      expect(await audited('account.email_change_requested', v.id)).toBe(1);
    });

    it('answers an address another account has exactly as a free one, and changes neither account', async () => {
      const v = await signUp(t);
      const other = await signUp(t);
      const free = await t.http
        .put('/v1/me/email')
        .set((await signUp(t)).auth)
        .send({ email: 'free.' + other.email, password: PASSWORD })
        .expect(202);
      const taken = await t.http
        .put('/v1/me/email')
        .set(v.auth)
        .send({ email: other.email.toUpperCase(), password: PASSWORD })
        .expect(202);
      expect(Object.keys(taken.body)).toEqual(Object.keys(free.body));
      expect(taken.body).toEqual({
        email: other.email.toUpperCase(),
        confirmationSent: true,
        linkValidMinutes: 60,
      });
      expect(taken.headers['content-type']).toBe(free.headers['content-type']);
      expect((await me(v.auth)).body.email).toBe(v.email);
      expect((await me(other.auth)).body.email).toBe(other.email);
      await login(v.email).expect(200);
      await login(other.email).expect(200);
      expect(await audited('account.email_change_declined', v.id)).toBe(1);
    });

    it('refuses a wrong password with 403, counted and audited, and changes nothing', async () => {
      const v = await signUp(t);
      const res = await t.http
        .put('/v1/me/email')
        .set(v.auth)
        .send({ email: uniqueEmail('moved'), password: 'not my password' })
        .expect(403);
      expect(res.body).toMatchObject({ type: '/problems/wrong-password' });
      expect((await me(v.auth)).body.email).toBe(v.email);
      expect(await audited('auth.email_change_failed', v.id)).toBe(1);
    });

    it.each([
      [{ email: 'not-an-email', password: PASSWORD }, 'email'],
      [{ email: uniqueEmail(), password: 7 }, 'password'],
      [{ password: PASSWORD }, 'email'],
    ])('refuses %j with 400 naming %s', async (body, field) => {
      const v = await signUp(t);
      const res = await t.http.put('/v1/me/email').set(v.auth).send(body).expect(400);
      expect(fields(res.body)).toEqual([field]);
      expect((await me(v.auth)).body.email).toBe(v.email);
    });
  });

  describe('POST /v1/me/password', () => {
    it('ends the account’s other logins (their tokens and refresh cookies), and the new password signs in', async () => {
      const v = await signUp(t);
      const otherDevice = await browserLogin(t, v.email);
      await t.http
        .post('/v1/me/password')
        .set(v.auth)
        .send({ currentPassword: PASSWORD, newPassword: 'another long passphrase' })
        .expect(204);
      await t.http.get('/v1/me').set(bearer(otherDevice.accessToken)).expect(401);
      await refresh(t, otherDevice.refreshToken).expect(401);
      const again = await browserLogin(t, v.email, 'another long passphrase');
      await t.http.get('/v1/me').set(bearer(again.accessToken)).expect(200);
    });
  });
});
