import { JwtService } from '@nestjs/jwt';
import { Role } from '../src/common/auth.decorators';
import { AuditEvent } from '../src/audit/audit-event.entity';
import { confirmEmail, createTestApp, PASSWORD, signUp, TestApp, uniqueEmail } from './app';

describe('identity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const register = (body: Record<string, unknown>) => t.http.post('/v1/auth/register').send(body);
  const valid = () => ({
    email: uniqueEmail(),
    password: PASSWORD,
    role: 'volunteer',
    name: 'Amira',
    phone: '+447911123456',
    timezone: 'Europe/London',
  });

  it('registers, logs in once the address is confirmed and answers /v1/me with the account, never the password hash', async () => {
    const body = valid();
    const registered = await register(body).expect(202);
    expect(registered.body).toEqual({ email: body.email, linkValidMinutes: 60 });
    const unconfirmed = await t.http
      .post('/v1/auth/login')
      .send({ email: body.email, password: PASSWORD })
      .expect(403);
    expect(unconfirmed.body).toMatchObject({ type: '/problems/email-unconfirmed' });
    const id = await confirmEmail(t, body.email);

    const login = await t.http
      .post('/v1/auth/login')
      .send({ email: body.email.toUpperCase(), password: PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });

    const me = await t.http
      .get('/v1/me')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
    expect(me.body).toMatchObject({ id, email: body.email, name: 'Amira', phone: '+447911123456' });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|password/i);
  });

  it('stores the password as argon2id at OWASP parameters', async () => {
    const body = valid();
    await register(body).expect(202);
    const [row] = await t.db.query('SELECT password_hash FROM account WHERE email = $1', [
      body.email,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('answers the same email in another case as a new one, and makes no second account', async () => {
    const body = valid();
    const first = await register(body).expect(202);
    await confirmEmail(t, body.email);
    const again = await register({ ...body, email: body.email.toUpperCase() }).expect(202);
    expect(again.body).toEqual({ ...first.body, email: body.email.toUpperCase() });
    const rows = await t.db.query('SELECT 1 FROM account WHERE email = $1', [body.email]);
    expect(rows).toHaveLength(1);
  });

  it('never lets anyone register as a coordinator', async () => {
    const res = await register({ ...valid(), role: 'coordinator' }).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'role' })]);
  });

  it.each([
    ['unknown field', { isAdmin: true }, 'isAdmin'],
    ['wrong type', { name: 42 }, 'name'],
    ['bad timezone', { timezone: 'Europe/Londres' }, 'timezone'],
    ['offset instead of zone', { timezone: '+01:00' }, 'timezone'],
    ['bad phone', { phone: '07700 900123' }, 'phone'],
    ['short password', { password: 'short' }, 'password'],
    ['bad email', { email: 'not-an-email' }, 'email'],
  ])('rejects %s with 400 naming the field, and writes nothing', async (_case, change, field) => {
    const body = { ...valid(), ...change };
    const res = await register(body).expect(400);
    expect(res.body).toMatchObject({ type: '/problems/validation-failed', status: 400 });
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    const rows = await t.db.query('SELECT 1 FROM account WHERE email = $1', [valid().email]);
    expect(rows).toHaveLength(0);
  });

  it('says what to do in words a person reads, not in codes (the web shows them verbatim)', async () => {
    const res = await register({ ...valid(), timezone: 'Europe/Londres', phone: '07700 900' });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe('Some answers need changing: each one below says how.');
    const message = (field: string) =>
      res.body.errors.find((e: { field: string }) => e.field === field)?.message;
    expect(message('timezone')).toBe('Choose a time zone from the list, such as London or Athens');
    expect(message('phone')).toBe(
      'Enter a mobile number we can text, with the country code, for example +44 7911 123456',
    );
    expect(JSON.stringify(res.body)).not.toMatch(/IANA|E\.164/);
  });

  it('answers malformed JSON with 400 and an oversized body with 413, as problem+json', async () => {
    const malformed = await t.http
      .post('/v1/auth/register')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(malformed.headers['content-type']).toMatch(/application\/problem\+json/);

    const huge = await register({ ...valid(), name: 'x'.repeat(200_000) }).expect(413);
    expect(huge.body).toMatchObject({ status: 413, type: '/problems/body-too-large' });
  });

  it('gives a wrong password and an unknown email the same 401', async () => {
    const { email } = await signUp(t);
    const wrong = await t.http
      .post('/v1/auth/login')
      .send({ email, password: 'not the password' })
      .expect(401);
    const unknown = await t.http
      .post('/v1/auth/login')
      .send({ email: uniqueEmail('ghost'), password: 'not the password' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('audits failed logins without storing the email', async () => {
    const user = await signUp(t);
    await t.http.post('/v1/auth/login').send({ email: user.email, password: 'nope nope nope' });
    const rows = await t.db.getRepository(AuditEvent).findBy({
      action: 'auth.login_failed',
      targetId: user.id,
    });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(user.email);
  });

  describe('tokens', () => {
    const me = (token: string) => t.http.get('/v1/me').set('Authorization', `Bearer ${token}`);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

    it('rejects a missing, tampered, expired, foreign-key or alg:none token with 401', async () => {
      const user = await signUp(t);
      await t.http.get('/v1/me').expect(401);
      await me(user.token).expect(200);

      const [header, , signature] = user.token.split('.');
      const forgedClaims = b64({ sub: user.id, role: Role.Coordinator, exp: 9_999_999_999 });
      await me(`${header}.${forgedClaims}.${signature}`).expect(401);

      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, role: 'volunteer' })}.`;
      await me(none).expect(401);

      const jwt = t.app.get(JwtService);
      const expired = await jwt.signAsync({ sub: user.id, role: 'volunteer' }, { expiresIn: -10 });
      await me(expired).expect(401);

      const otherKey = new JwtService({ secret: 'some-other-secret-of-sufficient-length!!' });
      await me(await otherKey.signAsync({ sub: user.id, role: 'volunteer' })).expect(401);

      const hs512 = await jwt.signAsync(
        { sub: user.id, role: 'volunteer' },
        { algorithm: 'HS512' },
      );
      await me(hs512).expect(401);
    });
  });
});
