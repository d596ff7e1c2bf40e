import Redis from 'ioredis';
import { loginLimitKeys } from '../src/identity/login-limiter.service';
import { createTestApp, PASSWORD, signUp, TestApp, testIp } from './app';
import { browserLogin } from './browser-session';

const BASE = 'https://vws.example.org';

/**
 * Other sites cannot drive a person's browser: state-changing requests from another site's page
 * are refused (403), and sign-in, refresh, logout and the link actions take JSON only (415), all
 * before anything is counted towards a login limit. Clients that are not browsers (no Origin, no
 * Sec-Fetch-Site) and Twilio's signed webhooks are not affected.
 */
describe('origin rules', () => {
  const saved = { ...process.env };
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    process.env.PUBLIC_BASE_URL = BASE;
    t = await createTestApp();
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await redis.quit();
    await t.close();
    process.env = saved;
  });

  const counted = async (email: string, ip: string) => {
    const k = loginLimitKeys(process.env.REDIS_PREFIX!, email, ip);
    return Promise.all([k.pair.fails, k.account.fails, k.ip.fails].map((key) => redis.get(key)));
  };
  const refusedAs = (res: { status: number; headers: Record<string, string>; body: object }) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return res.body;
  };

  it('refuses a login form posted from another site with 415, and counts none of them', async () => {
    const { email } = await signUp(t);
    const ip = testIp();
    for (let i = 0; i < 6; i++) {
      const res = await t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .type('form')
        .send({ email, password: 'x' })
        .expect(415);
      expect(refusedAs(res)).toMatchObject({
        type: '/problems/unsupported-media-type',
        status: 415,
      });
    }
    for (const type of ['text/plain', 'multipart/form-data; boundary=x']) {
      await t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .set('Content-Type', type)
        .send(`email=${email}&password=x`)
        .expect(415);
    }
    expect(await counted(email, ip)).toEqual([null, null, null]);
    await t.http
      .post('/v1/auth/login')
      .set('X-Forwarded-For', ip)
      .send({ email, password: PASSWORD })
      .expect(200);
  });

  it('refuses Sec-Fetch-Site: cross-site and a foreign Origin with 403, counting nothing', async () => {
    const { email } = await signUp(t);
    const ip = testIp();
    const attempts = [
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'https://evil.example.com' },
      { Origin: 'null' },
      { Origin: 'https://vws.example.org.evil.example.com' },
    ];
    for (const headers of attempts) {
      for (let i = 0; i < 3; i++) {
        const res = await t.http
          .post('/v1/auth/login')
          .set('X-Forwarded-For', ip)
          .set(headers)
          .send({ email, password: 'wrong password!' })
          .expect(403);
        expect(refusedAs(res)).toMatchObject({ type: '/problems/cross-site-request' });
      }
    }
    expect(await counted(email, ip)).toEqual([null, null, null]);
  });

  it("lets in our own pages (PUBLIC_BASE_URL's origin or the request's host) and clients with neither header", async () => {
    const { email } = await signUp(t);
    const login = () =>
      t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-For', testIp())
        .send({ email, password: PASSWORD });
    await login().set('Origin', BASE).set('Sec-Fetch-Site', 'same-origin').expect(200);
    const host = await login()
      .set('Host', 'api.internal:8080')
      .set('Origin', 'http://api.internal:8080');
    expect(host.status).toBe(200);
    await login().expect(200);
  });

  it('refuses every state-changing request from another site, signed in or not', async () => {
    const user = await signUp(t);
    const evil = { Origin: 'https://evil.example.com' };
    await t.http
      .put('/v1/me/text-channel')
      .set(user.auth)
      .set(evil)
      .send({ channel: 'sms' })
      .expect(403);
    await t.http
      .post('/v1/me/password')
      .set(user.auth)
      .set({ 'Sec-Fetch-Site': 'cross-site' })
      .send({ currentPassword: PASSWORD, newPassword: 'another long passphrase' })
      .expect(403);
    await t.http.post('/v1/auth/register').set(evil).send({}).expect(403);
    // Reads are not state changes: a foreign page may not read them (no CORS), but may ask.
    await t.http.get('/v1/me').set(user.auth).set(evil).expect(200);
    // The token still works: the refused change changed nothing.
    await t.http.get('/v1/me').set(user.auth).expect(200);
  });

  it("does not apply to Twilio's webhooks, which are signed and come from no page", async () => {
    const res = await t.http
      .post('/v1/webhooks/twilio/inbound')
      .set('Origin', 'https://evil.example.com')
      .type('form')
      .send({ From: '+447700900123', Body: 'STOP' });
    // Refused by the signature check, not by the origin rule.
    expect(res.status).toBe(403);
    expect(res.body.type).not.toBe('/problems/cross-site-request');
  });

  it('takes only JSON (or no body) on refresh and logout', async () => {
    const { email } = await signUp(t);
    const browser = await browserLogin(t, email);
    const cookie = `vws_refresh=${browser.refreshToken}`;
    await t.http
      .post('/v1/auth/logout')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'fetch')
      .set('Content-Type', 'text/plain')
      .send('x')
      .expect(415);
    await t.http
      .post('/v1/auth/refresh')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'fetch')
      .type('form')
      .send({ a: 'b' })
      .expect(415);
    // Neither changed anything: the web app's bodiless refresh still works.
    await t.http
      .post('/v1/auth/refresh')
      .set('Cookie', cookie)
      .set('X-Requested-With', 'fetch')
      .expect(200);
  });
});
