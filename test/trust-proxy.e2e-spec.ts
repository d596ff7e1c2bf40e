import { createTestApp, signUp, TestApp, testIp } from './app';

/** With TRUST_PROXY unset, nobody may name the client's address: X-Forwarded-For is ignored. */
describe('TRUST_PROXY default', () => {
  let t: TestApp;
  const configured = process.env.TRUST_PROXY;
  beforeAll(async () => {
    delete process.env.TRUST_PROXY;
    t = await createTestApp();
  });
  afterAll(async () => {
    process.env.TRUST_PROXY = configured;
    await t.close();
  });

  it('counts failures by the socket address, however X-Forwarded-For rotates', async () => {
    const user = await signUp(t);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await t.http
        .post('/v1/auth/login')
        .set('X-Forwarded-For', testIp())
        .send({ email: user.email, password: 'wrong password!' });
      statuses.push(res.status);
    }
    // Five per (account, IP): had the header been believed, six addresses would never lock.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });
});
