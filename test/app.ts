import { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppRole } from '../config/configuration';
import { AppModule } from '../src/app.module';
import { Role } from '../src/common/auth.decorators';
import { Clock, SystemClock } from '../src/common/clock';
import { createHttpApp } from '../src/http';
import { IdentityService } from '../src/identity/identity.service';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * The real application, built by main.ts's own factory (createHttpApp) on this run's database and
 * Redis, serving the built web root (dist/web, which the e2e global setup builds) as main.ts does.
 */
export async function createTestApp(
  options: { clock?: Clock; role?: AppRole } = {},
): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRole(options.role ?? AppRole.Api)],
  })
    .overrideProvider(Clock)
    .useValue(options.clock ?? new SystemClock())
    // A testing module resolves providers before the HTTP adapter exists, so ServeStaticModule
    // would pick its no-op loader; main.ts gets the Express one (createHttpApp refuses a no-op).
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .compile();
  const app = await createHttpApp(moduleRef);
  await app.init();
  return {
    app,
    http: request(app.getHttpServer()),
    db: app.get(DataSource),
    close: () => app.close(),
  };
}

/**
 * For `.serialize(asBytes)`: sends a Buffer body as its bytes. With a JSON Content-Type superagent
 * would otherwise send it as JSON, `{"type":"Buffer","data":[…]}`.
 */
export const asBytes = (body: Buffer): string => body as unknown as string;

let counter = 0;
/** An email no other test in this run uses, so tests isolate by data rather than truncation. */
export const uniqueEmail = (label = 'user') =>
  `${label}.${process.pid}.${Date.now().toString(36)}.${++counter}@example.org`;

export const PASSWORD = 'a long enough passphrase';

export interface TestUser {
  id: string;
  email: string;
  token: string;
  role: Role;
  auth: { Authorization: string };
}

export async function signUp(
  t: TestApp,
  role: Role.Volunteer | Role.Therapist | Role.Buddy = Role.Volunteer,
  overrides: Record<string, unknown> = {},
): Promise<TestUser> {
  const email = uniqueEmail(role);
  await t.http
    .post('/v1/auth/register')
    .send({
      email,
      password: PASSWORD,
      role,
      name: `Test ${role}`,
      timezone: 'Europe/London',
      ...overrides,
    })
    .expect(202);
  const id = await confirmEmail(t, email);
  if (overrides.phone) await confirmPhone(t, id);
  return logIn(t, email, id, role);
}

/**
 * Marks a just-registered address as confirmed, as following the mailed link would, and answers
 * the account's id: sign-up answers the same for every address, so tests learn the id here.
 * The confirmation mail sign-up queued is removed with it.
 * (test/account-email.e2e-spec.ts follows the real links.)
 */
export async function confirmEmail(t: TestApp, email: string): Promise<string> {
  const [rows] = await t.db.query<[{ id: string }[], number]>(
    `UPDATE account SET email_confirmed_at = COALESCE(email_confirmed_at, now())
      WHERE email = $1 RETURNING id`,
    [email],
  );
  if (rows.length !== 1) throw new Error(`No account registered with ${email}`);
  // The confirmation mail sign-up wrote is moot now; specs that count a person's outbox rows
  // count only what their own steps cause.
  await t.db.query(
    `DELETE FROM notification WHERE recipient_id = $1 AND template = 'account_confirm_email'`,
    [rows[0].id],
  );
  return rows[0].id;
}

/**
 * Counts the person's number as proven, as if they had typed back the code we texted (that flow
 * is test/phone.e2e-spec.ts's): test people get their texts.
 */
export async function confirmPhone(t: TestApp, id: string): Promise<void> {
  await t.db.query(
    `UPDATE account SET phone_confirmed_at = now() WHERE id = $1 AND phone IS NOT NULL`,
    [id],
  );
}

export async function createCoordinator(t: TestApp): Promise<TestUser> {
  const email = uniqueEmail('coordinator');
  const account = await t.app.get(IdentityService).createAccount(
    {
      email,
      password: PASSWORD,
      role: Role.Coordinator,
      name: 'Coordinator',
      timezone: 'Europe/London',
      emailConfirmed: true,
    },
    null,
  );
  return logIn(t, email, account.id, Role.Coordinator);
}

/** The same person signed in afresh, e.g. after a suspension ended their sessions. */
export const signInAgain = (t: TestApp, user: TestUser): Promise<TestUser> =>
  logIn(t, user.email, user.id, user.role);

async function logIn(t: TestApp, email: string, id: string, role: Role): Promise<TestUser> {
  const login = await t.http
    .post('/v1/auth/login')
    .set('X-Forwarded-For', testIp())
    .send({ email, password: PASSWORD })
    .expect(200);
  const token = login.body.accessToken as string;
  return { id, email, token, role, auth: { Authorization: `Bearer ${token}` } };
}

/**
 * A distinct client address (IPv6 documentation range, header only) so per-IP login limits stay
 * apart. The throttler counts an IPv6 client by its /64, so the address varies in bits 32-63, from
 * a random start per file: files of one run share a Redis prefix but restart `counter`.
 */
const ipBase = randomInt(2 ** 32);
export const testIp = () => {
  const n = (ipBase + ++counter) % 2 ** 32;
  return `2001:db8:${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}::1`;
};
