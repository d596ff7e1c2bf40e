import { Role } from '../../src/common/auth.decorators';
import { ConsentChannel, ConsentPurpose } from '../../src/consent/consent-purpose';
import { ConsentService } from '../../src/consent/consent.service';
import { signUp, TestApp, TestUser } from '../app';

/** Builders for the buddy tests: everything through HTTP except consent (no consent route yet). */

export interface Window {
  weekday: number;
  start: string;
  end: string;
}

/** Every day, 08:00-22:00: overlaps any reasonable evening window. */
export const allWeek = (start = '08:00', end = '22:00'): Window[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

export interface BuddyOptions {
  /** A name to find this buddy by among others of the run (every spec shares its database). */
  name?: string;
  timezone?: string;
  languages?: string[];
  kind?: 'therapist' | 'humanitarian';
  maxActivePairings?: number;
  weekly?: Window[];
  /** Default: a number shared with other tests' buddies. */
  phone?: string;
}

/** A buddy with a profile, verified by the coordinator, with call windows set. */
export async function verifiedBuddy(
  t: TestApp,
  coordinator: TestUser,
  options: BuddyOptions = {},
): Promise<TestUser> {
  const timezone = options.timezone ?? 'Europe/London';
  const buddy = await signUp(t, Role.Buddy, {
    timezone,
    phone: options.phone ?? '+447911123457',
    ...(options.name ? { name: options.name } : {}),
  });
  const kind = options.kind ?? 'humanitarian';
  await t.http
    .put('/v1/me/profile')
    .set(buddy.auth)
    .send({
      kind,
      languages: options.languages ?? ['en'],
      timezone,
      maxActivePairings: options.maxActivePairings ?? 2,
      dbs: {
        level: 'enhanced',
        certificateNumber: '001234567890',
        issuedOn: '2026-06-10',
        updateService: true,
      },
      ...(kind === 'therapist' ? { membershipBody: 'BACP', membershipNumber: '012345' } : {}),
    })
    .expect(200);
  await t.http
    .post(`/v1/vetting/${buddy.id}/verify`)
    .set(coordinator.auth)
    .send({ evidence: 'DBS certificate seen' })
    .expect(200);
  await t.http
    .put('/v1/me/availability')
    .set(buddy.auth)
    .send({ timezone, weekly: options.weekly ?? allWeek() })
    .expect(200);
  return buddy;
}

export interface VolunteerOptions {
  timezone?: string;
  languages?: string[];
  deployments?: Array<{ location: string; country: string; startsOn: string; endsOn: string }>;
  consents?: ConsentPurpose[];
  /** Default: a number shared with other tests' volunteers. */
  phone?: string;
}

/** Deployed on Lesvos through 30 April 2027 (the tests' clock starts on 1 March 2027). */
export const LESVOS = {
  location: 'Moria, Lesvos',
  country: 'GR',
  startsOn: '2027-02-01',
  endsOn: '2027-04-30',
};

export async function volunteer(t: TestApp, options: VolunteerOptions = {}): Promise<TestUser> {
  const timezone = options.timezone ?? 'Europe/Athens';
  const user = await signUp(t, Role.Volunteer, {
    timezone,
    name: 'Amira Haddad',
    phone: options.phone ?? '+306912345678',
  });
  await t.http
    .put('/v1/me/profile')
    .set(user.auth)
    .send({
      timezone,
      languages: options.languages ?? ['en'],
      deployments: options.deployments ?? [LESVOS],
    })
    .expect(200);
  const consents = options.consents ?? [
    ConsentPurpose.DataProcessing,
    ConsentPurpose.ShareWithBuddy,
  ];
  for (const purpose of consents) await setConsent(t, user, purpose, true);
  return user;
}

export async function setConsent(
  t: TestApp,
  user: TestUser,
  purpose: ConsentPurpose,
  granted: boolean,
): Promise<void> {
  await t.app
    .get(ConsentService)
    .record(user.id, { purpose, granted, channel: ConsentChannel.Web });
}

export interface RequestBody {
  phase?: 'deployed' | 'returned';
  languages?: string[];
  preferredKind?: 'therapist' | 'humanitarian';
  channel?: 'phone' | 'skype';
  skypeHandle?: string;
  timezone?: string;
  callWindows?: Window[];
}

/** Saturday and Sunday evenings, 17:00-20:00 in the volunteer's zone. */
export const weekendEvenings: Window[] = [
  { weekday: 6, start: '17:00', end: '20:00' },
  { weekday: 7, start: '17:00', end: '20:00' },
];

export async function buddyRequest(
  t: TestApp,
  user: TestUser,
  body: RequestBody = {},
): Promise<{ id: string }> {
  const res = await t.http
    .post('/v1/buddy-requests')
    .set(user.auth)
    .send({ channel: 'phone', callWindows: weekendEvenings, ...body })
    .expect(201);
  return res.body;
}

export interface PairingBody {
  cadence?: 'weekly' | 'fortnightly';
  weekday?: number;
  localTime?: string;
  timezone?: string;
  endsOn?: string;
}

/** Saturday 18:00 Europe/Athens, weekly. */
export const pairingBody = (requestId: string, buddyId: string, body: PairingBody = {}) => ({
  requestId,
  buddyId,
  cadence: 'weekly',
  weekday: 6,
  localTime: '18:00',
  timezone: 'Europe/Athens',
  ...body,
});

/** A volunteer, a request and a pairing with `buddy`, made by the volunteer. */
export async function paired(
  t: TestApp,
  buddy: TestUser,
  body: PairingBody = {},
  options: VolunteerOptions & RequestBody = {},
): Promise<{
  volunteer: TestUser;
  requestId: string;
  pairing: { id: string } & Record<string, unknown>;
}> {
  const v = await volunteer(t, options);
  const request = await buddyRequest(
    t,
    v,
    options.channel ? { channel: options.channel, skypeHandle: options.skypeHandle } : {},
  );
  const res = await t.http
    .post('/v1/pairings')
    .set(v.auth)
    .send(pairingBody(request.id, buddy.id, body))
    .expect(201);
  return { volunteer: v, requestId: request.id, pairing: res.body };
}
