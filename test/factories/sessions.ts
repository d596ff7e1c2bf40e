import type { Response } from 'supertest';
import { Role } from '../../src/common/auth.decorators';
import { ConsentChannel, ConsentPurpose } from '../../src/consent/consent-purpose';
import { ConsentService } from '../../src/consent/consent.service';
import { IdentityService } from '../../src/identity/identity.service';
import { confirmEmail, confirmPhone, PASSWORD, TestApp, TestUser, uniqueEmail } from '../app';

/** Fails with the problem body, so a broken setup step says why. */
function ok(res: Response, step: string): Response {
  if (res.status >= 300) {
    throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res;
}

/**
 * Registers through the API, then takes the token straight from IdentityService rather than
 * logging in: the same token, one password hash fewer per person (these suites create hundreds).
 */
export async function signUp(
  t: TestApp,
  role: Role.Volunteer | Role.Therapist | Role.Buddy,
  overrides: Record<string, unknown> = {},
): Promise<TestUser> {
  const email = uniqueEmail(role);
  ok(
    await t.http.post('/v1/auth/register').send({
      email,
      password: PASSWORD,
      role,
      name: `Test ${role}`,
      timezone: 'Europe/London',
      ...overrides,
    }),
    'register',
  );
  const id = await confirmEmail(t, email);
  if (overrides.phone) await confirmPhone(t, id);
  const { accessToken } = await t.app
    .get(IdentityService)
    .issueToken({ id, role, tokenVersion: 0 });
  return { id, email, role, token: accessToken, auth: { Authorization: `Bearer ${accessToken}` } };
}

/** A coordinator (created as the operator CLI does), with a token and no login. */
export async function newCoordinator(t: TestApp): Promise<TestUser> {
  const email = uniqueEmail('coordinator');
  const identity = t.app.get(IdentityService);
  const account = await identity.createAccount(
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
  const { accessToken } = await identity.issueToken(account);
  return {
    id: account.id,
    email,
    role: Role.Coordinator,
    token: accessToken,
    auth: { Authorization: `Bearer ${accessToken}` },
  };
}

export const EVERY_DAY_9_TO_17 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));

export interface TherapistOptions {
  languages?: string[];
  modalities?: Array<'video' | 'phone' | 'in_person'>;
  sessionMinutes?: number;
  bufferMinutes?: number;
  monthlyCapacity?: number;
  minimumNoticeHours?: number;
  gender?: string;
  timezone?: string;
  weekly?: Array<{ weekday: number; start: string; end: string }>;
  /** Leave the therapist pending (not vetted). */
  verified?: boolean;
  /** Default: a number shared with other tests' therapists. */
  phone?: string;
}

/** A therapist with a profile, verified by the coordinator, free every day 09:00-17:00 local. */
export async function therapist(
  t: TestApp,
  coordinator: TestUser,
  o: TherapistOptions = {},
): Promise<TestUser> {
  const timezone = o.timezone ?? 'Europe/London';
  const user = await signUp(t, Role.Therapist, { timezone, phone: o.phone ?? '+447911123457' });
  ok(
    await t.http
      .put('/v1/me/profile')
      .set(user.auth)
      .send({
        membershipBody: 'BACP',
        membershipNumber: '123456',
        modalities: o.modalities ?? ['video'],
        ...(o.modalities?.includes('in_person') ? { town: 'Leeds' } : {}),
        languages: o.languages ?? ['en'],
        sessionMinutes: o.sessionMinutes ?? 50,
        bufferMinutes: o.bufferMinutes ?? 10,
        monthlyCapacity: o.monthlyCapacity ?? 2,
        minimumNoticeHours: o.minimumNoticeHours ?? 24,
        ...(o.gender ? { gender: o.gender } : {}),
      }),
    'therapist profile',
  );
  if (o.verified !== false) await verify(t, coordinator, user.id);
  ok(
    await t.http
      .put('/v1/me/availability')
      .set(user.auth)
      .send({ timezone, weekly: o.weekly ?? EVERY_DAY_9_TO_17 }),
    'availability',
  );
  return user;
}

export async function verify(t: TestApp, coordinator: TestUser, userId: string): Promise<void> {
  ok(
    await t.http
      .post(`/v1/vetting/${userId}/verify`)
      .set(coordinator.auth)
      .send({ evidence: 'BACP register entry checked', expiresOn: '2028-01-01' }),
    'verify',
  );
}

export async function changeTherapistProfile(
  t: TestApp,
  user: TestUser,
  change: Record<string, unknown>,
): Promise<void> {
  ok(
    await t.http
      .put('/v1/me/profile')
      .set(user.auth)
      .send({
        membershipBody: 'BACP',
        membershipNumber: '123456',
        modalities: ['video'],
        languages: ['en'],
        ...change,
      }),
    'therapist profile change',
  );
}

export interface VolunteerOptions {
  languages?: string[];
  timezone?: string;
  /** The deployment's last day (default 2027-02-10, before the test clock's today). */
  endsOn?: string;
  startsOn?: string;
  /** Purposes consented to (default: data processing and sharing with the therapist). */
  consents?: ConsentPurpose[];
  /** Default: a number shared with other tests' volunteers. */
  phone?: string;
}

export const SESSION_CONSENTS = [ConsentPurpose.DataProcessing, ConsentPurpose.ShareWithTherapist];

/** A volunteer back from Calais, with both consents a session needs. */
export async function volunteer(t: TestApp, o: VolunteerOptions = {}): Promise<TestUser> {
  const user = await signUp(t, Role.Volunteer, {
    timezone: o.timezone ?? 'Europe/London',
    phone: o.phone ?? '+447911123456',
    name: 'Amira Haddad',
  });
  ok(
    await t.http
      .put('/v1/me/profile')
      .set(user.auth)
      .send({
        languages: o.languages ?? ['en'],
        deployments: [
          {
            location: 'Calais',
            country: 'FR',
            startsOn: o.startsOn ?? '2027-01-05',
            endsOn: o.endsOn ?? '2027-02-10',
          },
        ],
      }),
    'volunteer profile',
  );
  await consent(t, user.id, o.consents ?? SESSION_CONSENTS, true);
  return user;
}

export async function consent(
  t: TestApp,
  userId: string,
  purposes: ConsentPurpose[],
  granted: boolean,
): Promise<void> {
  const service = t.app.get(ConsentService);
  for (const purpose of purposes) {
    await service.record(userId, { purpose, granted, channel: ConsentChannel.Web });
  }
}

export const WINDOW = { notBefore: '2027-03-01T00:00:00Z', notAfter: '2027-03-27T00:00:00Z' };

export async function sessionRequest(
  t: TestApp,
  user: TestUser,
  body: Record<string, unknown> = {},
): Promise<string> {
  const res = ok(
    await t.http
      .post('/v1/session-requests')
      .set(user.auth)
      .send({ languages: ['en'], modality: 'video', ...WINDOW, ...body }),
    'session request',
  );
  return res.body.id as string;
}

export const bookingOf = (
  t: TestApp,
  user: TestUser,
  body: { requestId: string; therapistId: string; startsAt: string },
) => t.http.post('/v1/sessions').set(user.auth).send(body);

/** A volunteer with a request, booked with the therapist at `startsAt`; returns the session id. */
export async function bookedSession(
  t: TestApp,
  therapistUser: TestUser,
  startsAt: string,
  volunteerUser?: TestUser,
  request: Record<string, unknown> = {},
): Promise<{ id: string; volunteer: TestUser; requestId: string }> {
  const v = volunteerUser ?? (await volunteer(t));
  const requestId = await sessionRequest(t, v, request);
  const res = ok(
    await bookingOf(t, v, { requestId, therapistId: therapistUser.id, startsAt }),
    'booking',
  );
  return { id: res.body.id as string, volunteer: v, requestId };
}
