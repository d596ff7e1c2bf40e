import Redis from 'ioredis';
import { loginLimitKeys } from '../src/identity/login-limiter.service';
import { createTestApp, PASSWORD, signUp, TestApp, testIp, uniqueEmail } from './app';
import { setCookies } from './browser-session';

/**
 * Login limits with this run's defaults: 5 failures per (account, IP), 30 per account, 100 per
 * IP, in 15 minutes; the first lock lasts 60 s and each further one twice as long.
 */
describe('login limits', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await createTestApp();
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    await redis.quit();
    await t.close();
  });

  const login = (email: string, password: string, ip: string) =>
    t.http.post('/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });
  const keys = (email: string, ip: string) => loginLimitKeys(process.env.REDIS_PREFIX!, email, ip);

  async function fail(email: string, ip: string, times: number): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++)
      statuses.push((await login(email, 'wrong password!', ip)).status);
    return statuses;
  }

  it('never locks an owner out for signing in often (15 good logins from one IP)', async () => {
    const { email } = await signUp(t);
    const ip = testIp();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await login(email, PASSWORD, ip)).status);
    expect(statuses).toEqual(Array(15).fill(200));
  });

  it("locks a stranger's IP for that account after 5 failures; the owner elsewhere still signs in", async () => {
    const { email } = await signUp(t);
    const stranger = testIp();
    expect(await fail(email, stranger, 6)).toEqual([401, 401, 401, 401, 401, 429]);
    // Even the right password is refused from the stranger's address while the lock holds...
    await login(email, PASSWORD, stranger).expect(429);
    // ...but the owner, from their own address, is not punished for it.
    await login(email, PASSWORD, testIp()).expect(200);
  });

  it('counts guesses sent in parallel before their passwords are checked: 5 of 20 get through', async () => {
    const { email } = await signUp(t);
    const ip = testIp();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => login(email, 'wrong password!', ip)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('forgets the failures of an account when its owner signs in', async () => {
    const { email } = await signUp(t);
    const ip = testIp();
    expect(await fail(email, ip, 4)).toEqual(Array(4).fill(401));
    await login(email, PASSWORD, ip).expect(200);
    // Counted from zero again: five more failures before the lock, not one.
    expect(await fail(email, ip, 6)).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('locks the account everywhere at the loose ceiling of 30 failures from many IPs', async () => {
    const { email } = await signUp(t);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push(...(await fail(email, testIp(), 1)));
    expect(statuses).toEqual(Array(30).fill(401));
    await login(email, 'wrong password!', testIp()).expect(429);
    await login(email, PASSWORD, testIp()).expect(429);
  });

  it('lets the owner in from a device that signed in before while the account-wide lock holds', async () => {
    const { email } = await signUp(t);
    const before = await login(email, PASSWORD, testIp()).expect(200);
    const device = setCookies(before)
      .find((c) => c.startsWith('vws_device='))!
      .split(';')[0];
    expect(setCookies(before).find((c) => c.startsWith('vws_device='))).toMatch(
      /HttpOnly.*SameSite=Strict|SameSite=Strict.*HttpOnly/,
    );
    for (let i = 0; i < 30; i++) await login(email, 'wrong password!', testIp()).expect(401);
    await login(email, 'wrong password!', testIp()).expect(429);

    // A fresh client with the right password: the lock is for everyone who cannot prove more.
    await login(email, PASSWORD, testIp()).expect(429);
    // A forged or another account's cookie proves nothing.
    const other = await signUp(t);
    const otherDevice = setCookies(await login(other.email, PASSWORD, testIp()).expect(200))
      .find((c) => c.startsWith('vws_device='))!
      .split(';')[0];
    await login(email, PASSWORD, testIp()).set('Cookie', otherDevice).expect(429);
    await login(email, PASSWORD, testIp())
      .set('Cookie', 'vws_device=AAAAAAAAAAAAAAAAAAAAAA')
      .expect(429);
    // The device that signed in before: its password is still checked, and a wrong one counts.
    await login(email, 'wrong password!', testIp()).set('Cookie', device).expect(401);
    const res = await login(email, PASSWORD, testIp()).set('Cookie', device).expect(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
    // Getting in does not lift the lock for the stranger.
    await login(email, PASSWORD, testIp()).expect(429);
  });

  it('a known device does not pass the lock of its own (account, IP) pair', async () => {
    const { email } = await signUp(t);
    const ip = testIp();
    const device = setCookies(await login(email, PASSWORD, ip).expect(200))
      .find((c) => c.startsWith('vws_device='))!
      .split(';')[0];
    expect(await fail(email, ip, 5)).toEqual(Array(5).fill(401));
    await login(email, PASSWORD, ip).set('Cookie', device).expect(429);
  });

  it('says in Retry-After how long the block really lasts, and doubles each new lock', async () => {
    const email = uniqueEmail('ghost'); // unknown emails are limited exactly like accounts
    const ip = testIp();
    await fail(email, ip, 5);
    const first = await login(email, 'wrong password!', ip).expect(429);
    expect(first.headers['retry-after']).toBe('60');
    expect(first.body).toMatchObject({ type: '/problems/too-many-attempts', retryAfter: 60 });

    // Time passes: the lock has 5.9 s left. The answer follows the lock, not a fixed number.
    const { lock } = keys(email, ip).pair;
    await redis.pexpire(lock, 5_900);
    const later = await login(email, PASSWORD, ip).expect(429);
    const retryAfter = Number(later.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(6);
    expect(later.body.retryAfter).toBe(retryAfter);

    // The lock lifts; five more failures lock again, for twice as long.
    await redis.del(lock);
    expect(await fail(email, ip, 6)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await redis.ttl(lock)).toBeGreaterThan(60);
    const second = await login(email, 'wrong password!', ip).expect(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(60);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(120);
  });

  it('locks one IP trying many accounts after 100 failures', async () => {
    const ip = testIp();
    const statuses: number[] = [];
    for (let i = 0; i < 101; i++) {
      statuses.push((await login(uniqueEmail('spray'), 'x', ip)).status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(100);
    expect(statuses.at(-1)).toBe(429);
  });

  it('does not let an attacker clear their IP by signing in to an account of their own', async () => {
    const own = await signUp(t);
    const ip = testIp();
    const { ip: ipScope } = keys(own.email, ip);
    for (let i = 0; i < 3; i++) await login(uniqueEmail('spray'), 'x', ip).expect(401);
    await login(own.email, PASSWORD, ip).expect(200);
    expect(await redis.get(ipScope.fails)).toBe('3');
  });
});
