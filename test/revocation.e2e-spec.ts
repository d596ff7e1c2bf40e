import { JwtService } from '@nestjs/jwt';
import { Role } from '../src/common/auth.decorators';
import { IdentityService } from '../src/identity/identity.service';
import {
  createCoordinator,
  createTestApp,
  PASSWORD,
  signUp,
  TestApp,
  TestUser,
  testIp,
} from './app';
import { bearer, browserLogin, refresh, refreshCookieOf } from './browser-session';
import { therapistProfile } from './people.fixtures';

/** Revoked access ends at the next request: erasure, suspension, password and role changes. */
describe('revocation', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
  });
  afterAll(() => t.close());

  const me = (token: string) => t.http.get('/v1/me').set(bearer(token));

  const logout = (refreshToken: string) =>
    t.http
      .post('/v1/auth/logout')
      .set('Cookie', `vws_refresh=${refreshToken}`)
      .set('X-Requested-With', 'fetch')
      .expect(204);

  it("logout: that login's access tokens get 401 at once; the account's other logins go on", async () => {
    const user = await signUp(t);
    const laptop = await browserLogin(t, user.email);
    const phone = await browserLogin(t, user.email);
    const refreshed = await refresh(t, laptop.refreshToken).expect(200);
    await me(laptop.accessToken).expect(200);
    await me(refreshed.body.accessToken).expect(200);

    await logout(refreshCookieOf(refreshed)!);
    await me(laptop.accessToken).expect(401);
    await me(refreshed.body.accessToken).expect(401);
    await me(phone.accessToken).expect(200);
    await me(user.token).expect(200);
  });

  it('refresh reuse: every access token of the stolen login gets 401 at once', async () => {
    const user = await signUp(t);
    const browser = await browserLogin(t, user.email);
    const other = await browserLogin(t, user.email);
    const thief = await refresh(t, browser.refreshToken).expect(200);
    await me(thief.body.accessToken).expect(200);

    await refresh(t, browser.refreshToken).expect(401); // the spent token shown again
    await me(thief.body.accessToken).expect(401);
    await me(browser.accessToken).expect(401);
    await me(other.accessToken).expect(200);
  });

  it('refuses a token whose login id is not one (sid must be a uuid)', async () => {
    const user = await signUp(t);
    const [account] = await t.db.query<Array<{ token_version: number }>>(
      `SELECT token_version FROM account WHERE id = $1`,
      [user.id],
    );
    const forged = await t.app
      .get(JwtService)
      .signAsync({ sub: user.id, role: user.role, ver: account.token_version, sid: "x' OR 1=1" });
    await me(forged).expect(401);
  });

  it('erasure: the access token gets 401 at once and the refresh token is revoked', async () => {
    const user = await signUp(t);
    const browser = await browserLogin(t, user.email);
    await me(user.token).expect(200);
    await t.http.post('/v1/me/erasure').set(user.auth).expect(200);

    await me(user.token).expect(401);
    await me(browser.accessToken).expect(401);
    await refresh(t, browser.refreshToken).expect(401);
    await t.http.post('/v1/me/erasure').set(user.auth).expect(401);
  });

  it("an erased coordinator's token no longer opens the audit trail or the queue dashboard", async () => {
    const other = await createCoordinator(t);
    await t.http.get('/v1/audit').set(other.auth).expect(200);
    await t.http.get('/admin/queues').set(other.auth).expect(200);
    await t.http.post('/v1/me/erasure').set(other.auth).expect(200);
    await t.http.get('/v1/audit').set(other.auth).expect(401);
    await t.http.get('/admin/queues').set(other.auth).expect(401);
  });

  it('suspension: the therapist is signed out everywhere, and may sign in again', async () => {
    const therapist = await signUp(t, Role.Therapist);
    await t.http.put('/v1/me/profile').set(therapist.auth).send(therapistProfile()).expect(200);
    const browser = await browserLogin(t, therapist.email);
    await t.http
      .post(`/v1/vetting/${therapist.id}/suspend`)
      .set(coordinator.auth)
      .send({ reason: 'Concern under review' })
      .expect(200);

    await me(therapist.token).expect(401);
    await me(browser.accessToken).expect(401);
    await refresh(t, browser.refreshToken).expect(401);
    // Suspension takes them out of matching and ends their sessions; it does not lock them out.
    const again = await browserLogin(t, therapist.email);
    await me(again.accessToken).expect(200);
  });

  it('password change: old tokens get 401, the old password fails, the new one works', async () => {
    const user = await signUp(t);
    const browser = await browserLogin(t, user.email);
    const change = (currentPassword: string) =>
      t.http
        .post('/v1/me/password')
        .set(user.auth)
        .send({ currentPassword, newPassword: 'a brand new passphrase' });

    const wrong = await change('not my password').expect(403);
    expect(wrong.body).toMatchObject({ type: '/problems/wrong-password' });
    await me(user.token).expect(200);

    await change(PASSWORD).expect(204);
    await me(user.token).expect(401);
    await refresh(t, browser.refreshToken).expect(401);
    await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email: user.email, password: PASSWORD })
      .expect(401);
    const fresh = await browserLogin(t, user.email, 'a brand new passphrase');
    await me(fresh.accessToken).expect(200);
  });

  it('refuses a new password shorter than 12 characters with 400', async () => {
    const user = await signUp(t);
    const res = await t.http
      .post('/v1/me/password')
      .set(user.auth)
      .send({ currentPassword: PASSWORD, newPassword: 'short' })
      .expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'newPassword' })]);
    await me(user.token).expect(200);
  });

  it('role change: tokens carrying the old role get 401', async () => {
    const user = await signUp(t, Role.Buddy);
    const identity = t.app.get(IdentityService);
    await t.db.transaction((em) => identity.changeRole(user.id, Role.Buddy, em));
    await me(user.token).expect(200); // no change, no revocation
    await t.db.transaction((em) => identity.changeRole(user.id, Role.Therapist, em));
    await me(user.token).expect(401);
  });

  describe('token shape', () => {
    const secret = () => process.env.JWT_SECRET!;

    it('refuses a correctly signed token without exp, and one without a version', async () => {
      const user = await signUp(t);
      const bare = new JwtService({ secret: secret() });
      const noExp = await bare.signAsync({ sub: user.id, role: 'volunteer', ver: 0 });
      await me(noExp).expect(401);
      const noVer = await t.app.get(JwtService).signAsync({ sub: user.id, role: 'volunteer' });
      await me(noVer).expect(401);
      const withBoth = await bare.signAsync(
        { sub: user.id, role: 'volunteer', ver: 0 },
        { expiresIn: 60 },
      );
      await me(withBoth).expect(200);
    });

    it('refuses a signed token whose subject is no account id with 401, not 500', async () => {
      const token = await t.app.get(JwtService).signAsync({ sub: 'x', role: 'volunteer', ver: 0 });
      await me(token).expect(401);
    });

    it.each(['bearer', 'BEARER', 'Bearer', 'bEaReR'])('accepts the scheme "%s"', async (scheme) => {
      const user = await signUp(t);
      await t.http.get('/v1/me').set('Authorization', `${scheme} ${user.token}`).expect(200);
    });

    it.each(['Basic', 'Token', ''])('refuses the scheme "%s"', async (scheme) => {
      const user = await signUp(t);
      await t.http.get('/v1/me').set('Authorization', `${scheme} ${user.token}`).expect(401);
    });
  });
});
