import { randomUUID } from 'node:crypto';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { buddyRequest, pairingBody, verifiedBuddy } from './factories/checkins';
import {
  bookedSession,
  newCoordinator,
  SESSION_CONSENTS,
  therapist,
  volunteer,
} from './factories/sessions';

/** Issue #22: the coordinator's page of one person, `GET /v1/people/{userId}/record`. */
describe("a person's whole record, for coordinators", () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2027-02-20T12:00:00Z') });
    coordinator = await newCoordinator(t);
  });
  afterAll(() => t.close());

  it("shows a volunteer's session with the therapist's name, their pairing and their consents, and audits each record shown", async () => {
    const th = await therapist(t, coordinator);
    const v = await volunteer(t, {
      consents: [...SESSION_CONSENTS, ConsentPurpose.ShareWithBuddy],
    });
    const session = await bookedSession(t, th, '2027-03-10T09:00:00Z', v);
    const buddy = await verifiedBuddy(t, coordinator, { name: 'Bea Buddy' });
    const request = await buddyRequest(t, v);
    const { body: pairing } = await t.http
      .post('/v1/pairings')
      .set(v.auth)
      .send(pairingBody(request.id, buddy.id))
      .expect(201);

    const requestId = `req-${randomUUID()}`;
    const res = await t.http
      .get(`/v1/people/${v.id}/record`)
      .set(coordinator.auth)
      .set('X-Request-Id', requestId)
      .expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const record = res.body;
    expect(record.person).toMatchObject({ id: v.id, name: 'Amira Haddad', role: 'volunteer' });
    expect(record.sessions).toEqual([
      expect.objectContaining({
        id: session.id,
        status: 'booked',
        therapistName: 'Test therapist',
        volunteerName: 'Amira Haddad',
        startsAt: expect.objectContaining({
          utc: '2027-03-10T09:00:00.000Z',
          timezone: 'Europe/London',
        }),
      }),
    ]);
    expect(record.pairings).toEqual([
      expect.objectContaining({
        id: pairing.id,
        status: 'active',
        people: { volunteerName: 'Amira Haddad', buddyName: 'Bea Buddy' },
      }),
    ]);
    const consent = (purpose: string) =>
      record.consents.find((c: { purpose: string }) => c.purpose === purpose);
    expect(consent('share_with_buddy')).toMatchObject({ granted: true, valid: true });
    expect(consent('share_with_buddy').at).toEqual(expect.any(String));
    expect(consent('sms_reminders')).toMatchObject({ granted: false, at: null });

    const rows = await t.db.query(
      `SELECT actor_id, action, target_type, target_id, details
         FROM audit_event WHERE request_id = $1 ORDER BY action`,
      [requestId],
    );
    expect(rows).toEqual([
      {
        actor_id: coordinator.id,
        action: 'pairing.listed',
        target_type: 'pairing',
        target_id: pairing.id,
        details: {},
      },
      {
        actor_id: coordinator.id,
        action: 'person.read',
        target_type: 'account',
        target_id: v.id,
        details: {},
      },
      {
        actor_id: coordinator.id,
        action: 'session.listed',
        target_type: 'session',
        target_id: session.id,
        details: {},
      },
    ]);

    const { body: ofTherapist } = await t.http
      .get(`/v1/people/${th.id}/record`)
      .set(coordinator.auth)
      .expect(200);
    expect(ofTherapist.person).toMatchObject({
      role: 'therapist',
      vettingStatus: 'verified',
      vettingExpiresOn: '2028-01-01',
      profile: expect.objectContaining({ membershipBody: 'BACP', membershipNumber: '123456' }),
    });
    expect(ofTherapist.sessions.map((s: { id: string }) => s.id)).toEqual([session.id]);
    expect(ofTherapist.pairings).toEqual([]);

    const { body: ofBuddy } = await t.http
      .get(`/v1/people/${buddy.id}/record`)
      .set(coordinator.auth)
      .expect(200);
    expect(ofBuddy.sessions).toEqual([]);
    expect(ofBuddy.pairings.map((p: { id: string }) => p.id)).toEqual([pairing.id]);
  });

  it('answers 404 for an unknown or erased person, 400 for a malformed id, 403 for anyone but a coordinator', async () => {
    const unknown = await t.http
      .get(`/v1/people/${randomUUID()}/record`)
      .set(coordinator.auth)
      .expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body.detail).toEqual(expect.any(String));

    const v = await volunteer(t);
    await t.http.post('/v1/me/erasure').set(v.auth).expect(200);
    await t.http.get(`/v1/people/${v.id}/record`).set(coordinator.auth).expect(404);
    await t.http.get('/v1/people/not-an-id/record').set(coordinator.auth).expect(400);

    const other = await volunteer(t);
    await t.http.get(`/v1/people/${other.id}/record`).set(other.auth).expect(403);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE target_id = $1 AND action LIKE '%.read'`,
      [other.id],
    );
    expect(n).toBe(0);
  });
});
