import { createHash } from 'node:crypto';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { createTestApp, PASSWORD, signUp, TestApp, testIp } from './app';
import { bearer, browserLogin, refresh, refreshCookieOf, setCookies } from './browser-session';

describe('browser auth: refresh cookie', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const sha256 = (s: string) => createHash('sha256').update(s).digest();
  const row = async (token: string) => {
    const found: Array<{ family_id: string; spent_at: Date | null; revoked_at: Date | null }> =
      await t.db.query(
        `SELECT family_id, spent_at, revoked_at FROM refresh_token WHERE token_hash = $1`,
        [sha256(token)],
      );
    return found[0];
  };

  it('sets an HttpOnly, SameSite=Strict cookie on /v1/auth for the refresh lifetime, and keeps the token body', async () => {
    const { email } = await signUp(t);
    const res = await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email, password: PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.accessToken).toEqual(expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/));

    const [cookie] = setCookies(res);
    const attributes = cookie.split('; ').slice(1);
    expect(attributes).toEqual(
      expect.arrayContaining(['Max-Age=1209600', 'Path=/v1/auth', 'HttpOnly', 'SameSite=Strict']),
    );
    // NODE_ENV=test: plain-http clients need the cookie without Secure (README, Configuration).
    expect(attributes).not.toContain('Secure');

    const token = refreshCookieOf(res)!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect(await row(token)).toMatchObject({ spent_at: null, revoked_at: null });
    const stored = await t.db.query(`SELECT 1 FROM refresh_token WHERE token_hash::text LIKE $1`, [
      `%${Buffer.from(token).toString('hex')}%`,
    ]);
    expect(stored).toHaveLength(0); // only the digest is kept
  });

  const flagOf = (res: Parameters<typeof setCookies>[0]) =>
    setCookies(res).find((c) => c.startsWith('vws_session='));

  it('sets the page-readable vws_session=1 flag beside the refresh cookie, with its lifetime, and clears it on logout and on a failed refresh', async () => {
    const { email } = await signUp(t);
    const login = await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .send({ email, password: PASSWORD })
      .expect(200);
    const flag = flagOf(login)!.split('; ');
    expect(flag[0]).toBe('vws_session=1');
    expect(flag.slice(1)).toEqual(
      expect.arrayContaining(['Max-Age=1209600', 'Path=/', 'SameSite=Strict']),
    );
    expect(flag).not.toContain('HttpOnly'); // the page reads it; it proves nothing
    expect(flag).not.toContain('Secure'); // NODE_ENV=test, like the refresh cookie

    const rotated = await refresh(t, refreshCookieOf(login)!).expect(200);
    expect(flagOf(rotated)).toMatch(/^vws_session=1; Max-Age=1209600; Path=\//);

    const cleared = /^vws_session=; Path=\/; Expires=Thu, 01 Jan 1970/;
    const out = await t.http
      .post('/v1/auth/logout')
      .set('Cookie', `vws_refresh=${refreshCookieOf(rotated)!}; vws_session=1`)
      .set('X-Requested-With', 'fetch')
      .expect(204);
    expect(flagOf(out)).toMatch(cleared);
    const failed = await refresh(t, refreshCookieOf(rotated)!).expect(401);
    expect(flagOf(failed)).toMatch(cleared);
    const none = await t.http.post('/v1/auth/refresh').set('X-Requested-With', 'fetch').expect(401);
    expect(flagOf(none)).toMatch(cleared);
  });

  it('refuses, and sets no cookie for, a login another site posts (Sec-Fetch-Site: cross-site)', async () => {
    const { email } = await signUp(t);
    const res = await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', testIp())
      .set('Sec-Fetch-Site', 'cross-site')
      .send({ email, password: PASSWORD })
      .expect(403);
    expect(setCookies(res)).toEqual([]);
  });

  it('rotates: a new cookie and access token, the old refresh token spent', async () => {
    const { email, id } = await signUp(t);
    const first = await browserLogin(t, email);
    const res = await refresh(t, first.refreshToken).expect(200);
    expect(res.body).toMatchObject({ expiresIn: 900 });
    const next = refreshCookieOf(res)!;
    expect(next).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(next).not.toBe(first.refreshToken);

    const me = await t.http.get('/v1/me').set(bearer(res.body.accessToken)).expect(200);
    expect(me.body.id).toBe(id);
    const [old, fresh] = [await row(first.refreshToken), await row(next)];
    expect(old.spent_at).toBeInstanceOf(Date);
    expect(fresh).toMatchObject({ family_id: old.family_id, spent_at: null });
    await refresh(t, next).expect(200);
  });

  it('treats a spent token shown again as theft: the whole family is revoked', async () => {
    const { email, id } = await signUp(t);
    const stolen = (await browserLogin(t, email)).refreshToken;
    const legit = refreshCookieOf(await refresh(t, stolen).expect(200))!;

    const replay = await refresh(t, stolen).expect(401);
    expect(setCookies(replay).join()).toMatch(/vws_refresh=;.*Expires=Thu, 01 Jan 1970/);
    await refresh(t, legit).expect(401);
    expect((await row(legit)).revoked_at).toBeInstanceOf(Date);
    const audit = await t.db
      .getRepository(AuditEvent)
      .findBy({ action: 'auth.refresh_reused', targetId: id });
    expect(audit).toHaveLength(1);
  });

  it('lets two refreshes race with one token: one wins, and the family ends as for a replay', async () => {
    const { email } = await signUp(t);
    const { refreshToken } = await browserLogin(t, email);
    const results = await Promise.all([refresh(t, refreshToken), refresh(t, refreshToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    const winner = refreshCookieOf(results.find((r) => r.status === 200)!)!;
    await refresh(t, winner).expect(401);
  });

  it('requires X-Requested-With: fetch on refresh and logout (CSRF), and spends nothing without it', async () => {
    const { email } = await signUp(t);
    const { refreshToken } = await browserLogin(t, email);
    const cookie = `vws_refresh=${refreshToken}`;
    const res = await t.http.post('/v1/auth/refresh').set('Cookie', cookie).expect(403);
    expect(res.body).toMatchObject({ type: '/problems/csrf-header-missing' });
    await t.http.post('/v1/auth/logout').set('Cookie', cookie).expect(403);
    await refresh(t, refreshToken).expect(200);
  });

  it('answers 401 without a cookie, with a malformed one, and with an expired one', async () => {
    await t.http.post('/v1/auth/refresh').set('X-Requested-With', 'fetch').expect(401);
    await refresh(t, 'not-a-token').expect(401);
    await refresh(t, 'A'.repeat(43)).expect(401);

    const { email } = await signUp(t);
    const { refreshToken } = await browserLogin(t, email);
    await t.db.query(
      `UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(refreshToken)],
    );
    await refresh(t, refreshToken).expect(401);
  });

  it('logs out: the family is revoked, the cookie cleared, and the answer is 204 even without one', async () => {
    const { email } = await signUp(t);
    const { refreshToken } = await browserLogin(t, email);
    const next = refreshCookieOf(await refresh(t, refreshToken).expect(200))!;
    const res = await t.http
      .post('/v1/auth/logout')
      .set('Cookie', `vws_refresh=${next}`)
      .set('X-Requested-With', 'fetch')
      .expect(204);
    expect(setCookies(res).join()).toMatch(
      /vws_refresh=;.*Path=\/v1\/auth.*Expires=Thu, 01 Jan 1970/,
    );
    expect((await row(next)).revoked_at).toBeInstanceOf(Date);
    await refresh(t, next).expect(401);

    await t.http.post('/v1/auth/logout').set('X-Requested-With', 'fetch').expect(204);
  });
});
