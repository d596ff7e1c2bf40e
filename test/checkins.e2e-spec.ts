import { CallMaterialiser } from '../src/checkins/call-materialiser.service';
import { PairingLifecycle } from '../src/checkins/pairing-lifecycle.service';
import { DataRights } from '../src/common/data-rights.service';
import { DomainEventName, DomainEvents } from '../src/common/domain-events.service';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import { Role } from '../src/common/auth.decorators';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser, uniqueEmail } from './app';
import { TestClock } from './clock';
import {
  buddyRequest,
  paired,
  pairingBody,
  setConsent,
  verifiedBuddy,
  volunteer,
} from './factories/checkins';

/** A response item as a client reads it (supertest bodies are untyped JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a match as the client reads it from JSON
type Item = Record<string, any>;

const fields = (body: { errors: Array<{ field: string }> }) =>
  [...new Set(body.errors.map((e) => e.field))].sort();

const START = '2027-03-01T09:00:00Z'; // a Monday, four weeks before the spring DST change
const DAY = 86_400_000;

describe('SSuN buddies: pairings and check-in calls', () => {
  const clock = new TestClock(START);
  let t: TestApp;
  let coordinator: TestUser;
  const seen: Array<{ name: DomainEventName; payload: Record<string, unknown> }> = [];
  const events = (name: DomainEventName, pairingId: string) =>
    seen.filter((e) => e.name === name && e.payload.pairingId === pairingId);

  beforeAll(async () => {
    // Login client IPs come from a per-process counter (test/app.ts) shared with uniqueEmail, so
    // parallel files reuse addresses; identity's throttling test can exhaust one. Start far away.
    for (let i = 0; i < 45_000; i++) uniqueEmail();
    t = await createTestApp({ clock });
    coordinator = await createCoordinator(t);
    const bus = t.app.get(DomainEvents);
    const names: DomainEventName[] = [
      'pairing.created',
      'pairing.ended',
      'pairing.flagged',
      'checkin.scheduled',
      'checkin.moved',
      'checkin.cancelled',
      'checkin.concern',
    ];
    for (const name of names) {
      bus.on(name, (payload) => {
        seen.push({ name, payload: payload as unknown as Record<string, unknown> });
        return Promise.resolve();
      });
    }
  });
  beforeEach(() => clock.set(START));
  afterAll(() => t.close());

  const callsOf = async (user: TestUser, from: string, to: string, tz?: string) => {
    const query = new URLSearchParams({ from, to, ...(tz ? { tz } : {}) });
    const res = await t.http.get(`/v1/check-ins?${query.toString()}`).set(user.auth).expect(200);
    return res.body.items as Item[];
  };
  const rowsOf = async (pairingId: string) =>
    t.db.query<Array<{ id: string; status: string; starts_at: Date; note: string | null }>>(
      `SELECT id, status, starts_at, note FROM checkin WHERE pairing_id = $1 ORDER BY scheduled_for`,
      [pairingId],
    );
  const outcome = (buddy: TestUser, id: string, body: object) =>
    t.http.post(`/v1/check-ins/${id}/outcome`).set(buddy.auth).send(body);

  describe('buddy requests', () => {
    it('names every bad field, with 400', async () => {
      const v = await volunteer(t);
      const res = await t.http
        .post('/v1/buddy-requests')
        .set(v.auth)
        .send({
          channel: 'skype',
          languages: ['english'],
          timezone: '+02:00',
          callWindows: [{ weekday: 8, start: '18:00', end: '17:00' }],
        })
        .expect(400);
      expect(fields(res.body)).toEqual([
        'callWindows.0.end',
        'callWindows.0.weekday',
        'languages',
        'skypeHandle',
        'timezone',
      ]);
      const phoneWithHandle = await t.http
        .post('/v1/buddy-requests')
        .set(v.auth)
        .send({ channel: 'phone', skypeHandle: 'amira.h2027', callWindows: [] })
        .expect(400);
      expect(fields(phoneWithHandle.body)).toEqual(['callWindows', 'skypeHandle']);
    });

    it('defaults phase, languages and zone from the volunteer profile', async () => {
      const v = await volunteer(t, { languages: ['el', 'en'] });
      const res = await t.http
        .post('/v1/buddy-requests')
        .set(v.auth)
        .send({
          channel: 'skype',
          skypeHandle: 'amira.h2027',
          callWindows: [{ weekday: 6, start: '17:00', end: '24:00' }],
        })
        .expect(201);
      expect(res.body).toMatchObject({
        volunteerId: v.id,
        phase: 'deployed',
        languages: ['el', 'en'],
        timezone: 'Europe/Athens',
        channel: 'skype',
        skypeHandle: 'amira.h2027',
        preferredKind: null,
      });
    });

    it('needs sharing consent: 403 naming the purpose', async () => {
      const v = await volunteer(t, { consents: [ConsentPurpose.DataProcessing] });
      const res = await t.http
        .post('/v1/buddy-requests')
        .set(v.auth)
        .send({ channel: 'phone', callWindows: [{ weekday: 1, start: '18:00', end: '19:00' }] })
        .expect(403);
      expect(res.body).toMatchObject({
        type: '/problems/consent-missing',
        purpose: 'share_with_buddy',
      });
    });
    it('lists a volunteer’s open request (one at a time) until a pairing comes from it; no one else’s', async () => {
      const v = await volunteer(t);
      const other = await volunteer(t);
      const first = await buddyRequest(t, v, { channel: 'skype', skypeHandle: 'amira.h2027' });
      const theirs = await buddyRequest(t, other);
      const open = async (user: TestUser) =>
        (
          (await t.http.get('/v1/me/buddy-requests').set(user.auth).expect(200)).body
            .items as Item[]
        ).map((r) => r.id as string);

      const mine = await t.http.get('/v1/me/buddy-requests').set(v.auth).expect(200);
      expect(mine.body.items.map((r: Item) => r.id)).toEqual([first.id]);
      expect(mine.body.items[0]).toMatchObject({
        volunteerId: v.id,
        channel: 'skype',
        skypeHandle: 'amira.h2027',
        timezone: 'Europe/Athens',
        status: 'open',
        callWindows: [
          { weekday: 6, start: '17:00', end: '20:00' },
          { weekday: 7, start: '17:00', end: '20:00' },
        ],
      });
      expect(await open(other)).toEqual([theirs.id]);

      // Once a pairing comes from a request it is no longer waiting.
      const buddy = await verifiedBuddy(t, coordinator);
      await t.http
        .post('/v1/pairings')
        .set(v.auth)
        .send(pairingBody(first.id, buddy.id))
        .expect(201);
      expect(await open(v)).toEqual([]);

      const therapist = await signUp(t, Role.Therapist);
      await t.http.get('/v1/me/buddy-requests').set(therapist.auth).expect(403);
      await t.http.get('/v1/me/buddy-requests').set(buddy.auth).expect(403);
      await t.http.get('/v1/me/buddy-requests').set(coordinator.auth).expect(403);
      await t.http.get('/v1/me/buddy-requests').expect(401);
    });
  });

  describe('matches', () => {
    it('ranks matchable buddies with a free place, a shared language and overlapping windows; preferred kind first, then fairness', async () => {
      const eu = { languages: ['eu'] }; // Basque: no other test's buddy speaks it
      const humanitarian = await verifiedBuddy(t, coordinator, eu);
      const therapist = await verifiedBuddy(t, coordinator, { ...eu, kind: 'therapist' });
      const busy = await verifiedBuddy(t, coordinator, eu);
      await paired(t, busy, {}, { languages: ['eu'] });
      const mornings = await verifiedBuddy(t, coordinator, {
        ...eu,
        weekly: [6, 7].map((weekday) => ({ weekday, start: '08:00', end: '10:00' })),
      });
      const full = await verifiedBuddy(t, coordinator, { ...eu, maxActivePairings: 0 });
      const french = await verifiedBuddy(t, coordinator, { languages: ['fr'] });
      const suspended = await verifiedBuddy(t, coordinator, eu);
      await t.http
        .post(`/v1/vetting/${suspended.id}/suspend`)
        .set(coordinator.auth)
        .send({ reason: 'Under review' })
        .expect(200);

      const v = await volunteer(t, { languages: ['eu', 'en'] });
      const request = await buddyRequest(t, v, { preferredKind: 'therapist' });
      const res = await t.http
        .get(`/v1/buddy-requests/${request.id}/matches`)
        .set(v.auth)
        .expect(200);
      const mine = new Set(
        [humanitarian, therapist, busy, mornings, full, french, suspended].map((b) => b.id),
      );
      const items = (res.body.items as Item[]).filter((i) => mine.has(i.buddyId));
      expect(items.map((i) => i.buddyId)).toEqual([therapist.id, humanitarian.id, busy.id]);
      const [{ name }] = await t.db.query('SELECT name FROM account WHERE id = $1', [therapist.id]);
      expect(items[0]).toMatchObject({ name });
      expect(items[0]).not.toHaveProperty('phone');
      expect(items[0]).toMatchObject({
        kind: 'therapist',
        preferredKind: true,
        sharedLanguages: ['eu'],
        activePairings: 0,
        maxActivePairings: 2,
        reasons: [
          {
            factor: 'kind',
            weight: 0.4,
            score: 1,
            detail: 'Is a qualified practitioner, as you asked',
          },
          {
            factor: 'fairness',
            weight: 0.3,
            score: 1,
            detail: 'Has room for 2 more people (0 of 2 places taken)',
          },
          expect.objectContaining({ factor: 'overlap', weight: 0.2 }),
          expect.objectContaining({
            factor: 'language',
            weight: 0.1,
            detail: 'Speaks Basque (euskara): 1 of the 2 languages you asked for',
          }),
        ],
      });
      expect(items[2]).toMatchObject({
        activePairings: 1,
        reasons: expect.arrayContaining([
          expect.objectContaining({
            factor: 'fairness',
            score: 0.5,
            detail: 'Has room for 1 more person (1 of 2 places taken)',
          }),
        ]),
      });
      // Saturday 6 March, 17:00-20:00 in Athens is 15:00-18:00 for a buddy in London.
      expect(items[0].firstOverlaps[0]).toEqual({
        start: '2027-03-06T15:00:00.000Z',
        end: '2027-03-06T18:00:00.000Z',
        volunteerStart: '2027-03-06T17:00:00+02:00',
        volunteerEnd: '2027-03-06T20:00:00+02:00',
        buddyStart: '2027-03-06T15:00:00+00:00',
        buddyEnd: '2027-03-06T18:00:00+00:00',
      });
      expect(items[0].overlapMinutes).toBe(4 * 180); // two weekends, two evenings each

      const other = await volunteer(t);
      await t.http.get(`/v1/buddy-requests/${request.id}/matches`).set(other.auth).expect(404);
      await t.http
        .get(`/v1/buddy-requests/${request.id}/matches`)
        .set(coordinator.auth)
        .expect(200);
      const [audit] = await t.db.query(
        `SELECT actor_id FROM audit_event WHERE action = 'buddy_request.matches_read' AND target_id = $1`,
        [request.id],
      );
      expect(audit.actor_id).toBe(coordinator.id);
    });
  });

  describe('the call plan across DST', () => {
    it('keeps the call at 18:00 in Athens while UTC moves, and shows a London buddy the right local time on both sides', async () => {
      const buddy = await verifiedBuddy(t, coordinator, { timezone: 'Europe/London' });
      const { volunteer: v, pairing } = await paired(t, buddy, { endsOn: '2027-12-31' });
      expect(pairing).toMatchObject({
        status: 'active',
        cadence: 'weekly',
        weekday: 6,
        localTime: '18:00',
        timezone: 'Europe/Athens',
        anchorOn: '2027-03-06',
        endsOn: '2027-12-31',
      });
      const spring = await callsOf(
        buddy,
        '2027-03-20T00:00:00Z',
        '2027-04-04T00:00:00Z',
        'Europe/London',
      );
      expect(
        spring.map((c) => [
          c.startsAt.utc,
          c.startsAt.local,
          c.volunteerTime.local,
          c.buddyTime.local,
        ]),
      ).toEqual([
        [
          '2027-03-20T16:00:00.000Z',
          '2027-03-20T16:00:00+00:00',
          '2027-03-20T18:00:00+02:00',
          '2027-03-20T16:00:00+00:00',
        ],
        [
          '2027-03-27T16:00:00.000Z',
          '2027-03-27T16:00:00+00:00',
          '2027-03-27T18:00:00+02:00',
          '2027-03-27T16:00:00+00:00',
        ],
        [
          '2027-04-03T15:00:00.000Z',
          '2027-04-03T16:00:00+01:00',
          '2027-04-03T18:00:00+03:00',
          '2027-04-03T16:00:00+01:00',
        ],
      ]);
      // The volunteer, without tz, sees their own zone.
      const own = await callsOf(v, '2027-04-03T00:00:00Z', '2027-04-04T00:00:00Z');
      expect(own.map((c) => c.startsAt)).toEqual([
        {
          utc: '2027-04-03T15:00:00.000Z',
          local: '2027-04-03T18:00:00+03:00',
          timezone: 'Europe/Athens',
        },
      ]);
      // A range that runs backwards is the same problem as on every other route.
      const backwards = await t.http
        .get('/v1/check-ins?from=2027-04-04T00:00:00Z&to=2027-04-03T00:00:00Z')
        .set(v.auth)
        .expect(400);
      expect(backwards.body).toMatchObject({ type: '/problems/validation-failed' });
      expect(fields(backwards.body)).toEqual(['to']);

      clock.set('2027-10-20T08:00:00Z');
      await t.app.get(CallMaterialiser).materialise(clock.now());
      const autumn = await callsOf(buddy, '2027-10-23T00:00:00Z', '2027-11-07T00:00:00Z');
      expect(autumn.map((c) => [c.startsAt.utc, c.volunteerTime.local, c.buddyTime.local])).toEqual(
        [
          ['2027-10-23T15:00:00.000Z', '2027-10-23T18:00:00+03:00', '2027-10-23T16:00:00+01:00'],
          ['2027-10-30T15:00:00.000Z', '2027-10-30T18:00:00+03:00', '2027-10-30T16:00:00+01:00'],
          ['2027-11-06T16:00:00.000Z', '2027-11-06T18:00:00+02:00', '2027-11-06T16:00:00+00:00'],
        ],
      );
    });

    it('ends by default some weeks after the return date', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { pairing } = await paired(t, buddy);
      expect(pairing.endsOn).toBe('2027-06-25'); // 30 April + 8 weeks
    });
  });

  describe('the end of the plan', () => {
    it('ends a pairing once its last call date has passed in the volunteer’s zone, freeing the buddy’s place', async () => {
      const buddy = await verifiedBuddy(t, coordinator, { maxActivePairings: 1 });
      const { pairing } = await paired(t, buddy, { endsOn: '2027-03-20' });
      expect((await rowsOf(pairing.id)).map((r) => r.starts_at.toISOString())).toEqual([
        '2027-03-06T16:00:00.000Z',
        '2027-03-13T16:00:00.000Z',
        '2027-03-20T16:00:00.000Z',
      ]);
      const lifecycle = t.app.get(PairingLifecycle);
      const status = async () =>
        (
          await t.db.query(`SELECT status, ended_reason FROM pairing WHERE id = $1`, [pairing.id])
        )[0];

      await lifecycle.endFinished(new Date('2027-03-20T21:59:00Z')); // 23:59 on the 20th in Athens
      expect(await status()).toEqual({ status: 'active', ended_reason: null });
      await lifecycle.endFinished(new Date('2027-03-20T22:00:00Z')); // midnight in Athens
      expect(await status()).toEqual({ status: 'ended', ended_reason: 'plan-ended' });
      expect(events('pairing.ended', pairing.id)).toHaveLength(1);
      const [load] = await t.db.query(
        `SELECT active_pairings FROM buddy_load WHERE buddy_id = $1`,
        [buddy.id],
      );
      expect(load.active_pairings).toBe(0);
    });
  });

  describe('materialisation', () => {
    it('is idempotent: running it twice, or twice at once, adds nothing; a week later it adds the next call', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { pairing } = await paired(t, buddy);
      const materialiser = t.app.get(CallMaterialiser);
      const planned = await rowsOf(pairing.id);
      expect(planned).toHaveLength(8); // Saturdays 6 March to 24 April
      expect(events('checkin.scheduled', pairing.id)).toHaveLength(8);

      await materialiser.materialise(clock.now());
      await materialiser.materialise(clock.now());
      expect(await rowsOf(pairing.id)).toEqual(planned);

      clock.advance(7 * DAY);
      await Promise.all([
        materialiser.materialise(clock.now()),
        materialiser.materialise(clock.now()),
      ]);
      const after = await rowsOf(pairing.id);
      expect(after).toHaveLength(9);
      expect(after[8].starts_at.toISOString()).toBe('2027-05-01T15:00:00.000Z');
      expect(events('checkin.scheduled', pairing.id)).toHaveLength(9);
    });
  });

  describe('capacity and one pairing per volunteer', () => {
    it('lets exactly one of several volunteers take a buddy’s last place at once', async () => {
      const buddy = await verifiedBuddy(t, coordinator, { maxActivePairings: 2 });
      await paired(t, buddy); // one place left, and the buddy's load row exists to be locked
      const racers: Array<{ v: TestUser; requestId: string }> = [];
      for (let i = 0; i < 4; i++) {
        const v = await volunteer(t);
        racers.push({ v, requestId: (await buddyRequest(t, v)).id });
      }
      const results = await Promise.all(
        racers.map(({ v, requestId }) =>
          t.http.post('/v1/pairings').set(v.auth).send(pairingBody(requestId, buddy.id)),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).map((r) => r.body.type)).toEqual(
        Array(3).fill('/problems/buddy-full'),
      );
      const activeCount = async () =>
        (
          await t.db.query(
            `SELECT count(*)::int AS count FROM pairing WHERE buddy_id = $1 AND status = 'active'`,
            [buddy.id],
          )
        )[0].count;
      expect(await activeCount()).toBe(2);

      // Ending a pairing frees the place for one of the others.
      const winner = results.findIndex((r) => r.status === 201);
      await t.http
        .post(`/v1/pairings/${results[winner].body.id}/end`)
        .set(buddy.auth)
        .send({ reason: 'Moving on' })
        .expect(200);
      const next = racers[(winner + 1) % racers.length];
      await t.http
        .post('/v1/pairings')
        .set(next.v.auth)
        .send(pairingBody(next.requestId, buddy.id))
        .expect(201);
      expect(await activeCount()).toBe(2);
      const [load] = await t.db.query(
        `SELECT active_pairings FROM buddy_load WHERE buddy_id = $1`,
        [buddy.id],
      );
      expect(load.active_pairings).toBe(2);
    });

    it('keeps a volunteer to one active pairing, even when two are asked for at once', async () => {
      const [b1, b2] = [await verifiedBuddy(t, coordinator), await verifiedBuddy(t, coordinator)];
      const v = await volunteer(t);
      const request = await buddyRequest(t, v);
      const results = await Promise.all([
        t.http.post('/v1/pairings').set(v.auth).send(pairingBody(request.id, b1.id)),
        t.http.post('/v1/pairings').set(v.auth).send(pairingBody(request.id, b2.id)),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)!.body.type).toBe(
        '/problems/volunteer-already-paired',
      );
    });

    it('refuses a buddy who is not verified with 422, and another volunteer’s request with 404', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      await t.http
        .post(`/v1/vetting/${buddy.id}/suspend`)
        .set(coordinator.auth)
        .send({ reason: 'Concern' })
        .expect(200);
      const v = await volunteer(t);
      const request = await buddyRequest(t, v);
      const res = await t.http
        .post('/v1/pairings')
        .set(v.auth)
        .send(pairingBody(request.id, buddy.id))
        .expect(422);
      expect(res.body.type).toBe('/problems/buddy-not-matchable');
      const other = await volunteer(t);
      await t.http
        .post('/v1/pairings')
        .set(other.auth)
        .send(pairingBody(request.id, buddy.id))
        .expect(404);
    });
  });

  describe('outcomes and escalation', () => {
    it('flags the pairing after two consecutive missed calls, once; not after two separated by a completed call', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { pairing, volunteer: v } = await paired(t, buddy);
      clock.set('2027-04-04T00:00:00Z');
      const calls = await callsOf(buddy, START, '2027-04-04T00:00:00Z');
      expect(calls).toHaveLength(5);
      const flaggedAt = async () =>
        (await t.db.query(`SELECT flagged_at FROM pairing WHERE id = $1`, [pairing.id]))[0]
          .flagged_at;

      await outcome(buddy, calls[0].id, { status: 'missed' }).expect(200);
      const done = await outcome(buddy, calls[1].id, {
        status: 'completed',
        wellbeing: 'concern',
        note: 'Struggling to sleep',
      }).expect(200);
      expect(done.body).toMatchObject({
        status: 'completed',
        wellbeing: 'concern',
        note: 'Struggling to sleep',
      });
      expect(events('checkin.concern', pairing.id)).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({ checkinId: calls[1].id, reportedBy: buddy.id }),
        }),
      ]);
      // The safeguarding module raised the concern about the volunteer, reported by the buddy.
      const concerns = await t.db.query(
        `SELECT category, urgency FROM concern WHERE subject_user_id = $1 AND reporter_id = $2`,
        [v.id, buddy.id],
      );
      expect(concerns).toEqual([{ category: 'volunteer_wellbeing', urgency: 'medium' }]);
      await outcome(buddy, calls[2].id, { status: 'missed' }).expect(200);
      expect(await flaggedAt()).toBeNull();
      expect(events('pairing.flagged', pairing.id)).toHaveLength(0);

      const alerts = () =>
        t.db.query(`SELECT recipient_id FROM notification WHERE about = $1`, [
          `pairing:${pairing.id}`,
        ]);
      expect(await alerts()).toHaveLength(0);
      await outcome(buddy, calls[3].id, { status: 'missed' }).expect(200);
      expect(await flaggedAt()).not.toBeNull();
      // Coordinators are alerted through the outbox.
      expect(await alerts()).toContainEqual({ recipient_id: coordinator.id });
      await outcome(buddy, calls[4].id, { status: 'missed' }).expect(200);
      expect(events('pairing.flagged', pairing.id)).toHaveLength(1);

      const again = await outcome(buddy, calls[4].id, { status: 'completed' }).expect(409);
      expect(again.body.type).toBe('/problems/call-not-scheduled');
      const [next] = await callsOf(buddy, '2027-04-04T00:00:00Z', '2027-04-11T00:00:00Z');
      expect((await outcome(buddy, next.id, { status: 'completed' }).expect(422)).body.type).toBe(
        '/problems/call-not-due',
      );
      const bad = await outcome(buddy, next.id, { status: 'missed', wellbeing: 'ok' }).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'wellbeing' })]);
    });
  });

  describe('access', () => {
    it('hides a call from another buddy (404 to read it or log its outcome) and keeps outcomes to the buddy', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const stranger = await verifiedBuddy(t, coordinator);
      const { volunteer: v, pairing } = await paired(t, buddy);
      clock.set('2027-03-07T00:00:00Z');
      const [call] = await callsOf(buddy, START, '2027-03-07T00:00:00Z');

      await outcome(stranger, call.id, { status: 'completed' }).expect(404);
      await t.http.get(`/v1/check-ins/${call.id}`).set(stranger.auth).expect(404);
      expect(await callsOf(stranger, START, '2027-04-01T00:00:00Z')).toEqual([]);
      await t.http
        .post(`/v1/check-ins/${call.id}/reschedule`)
        .set(stranger.auth)
        .send({ startsAt: '2027-03-10T18:00:00Z' })
        .expect(404);
      await t.http
        .post(`/v1/pairings/${pairing.id}/end`)
        .set(stranger.auth)
        .send({ reason: 'x' })
        .expect(404);
      await t.http
        .post(`/v1/pairings/${pairing.id}/plan`)
        .set(stranger.auth)
        .send({ cadence: 'weekly', weekday: 1, localTime: '10:00' })
        .expect(404);
      await outcome(v, call.id, { status: 'completed' }).expect(403);
      const otherVolunteer = await volunteer(t);
      await t.http.get(`/v1/check-ins/${call.id}`).set(otherVolunteer.auth).expect(404);
      await t.http.get(`/v1/check-ins/${call.id}`).set(v.auth).expect(200);
      await t.http.get('/v1/check-ins/not-a-uuid').set(v.auth).expect(400);

      await t.http.get(`/v1/check-ins/${call.id}`).set(coordinator.auth).expect(200);
      const [audit] = await t.db.query(
        `SELECT actor_id FROM audit_event WHERE action = 'checkin.read' AND target_id = $1`,
        [call.id],
      );
      expect(audit.actor_id).toBe(coordinator.id);
      await outcome(buddy, call.id, { status: 'completed' }).expect(200);
    });
  });

  describe('consent', () => {
    it('names the buddy to the volunteer by first name; the volunteer’s name reaches the buddy only with the contact details', async () => {
      const buddy = await verifiedBuddy(t, coordinator, { name: 'Sam Okafor' });
      const { volunteer: v, pairing } = await paired(t, buddy);
      expect(pairing).toMatchObject({ buddyName: 'Sam', volunteerContact: null });
      const seenBy = async (user: TestUser) =>
        (
          (await t.http.get('/v1/pairings?limit=100').set(user.auth).expect(200)).body
            .items as Item[]
        ).find((p) => p.id === pairing.id)!;
      expect(await seenBy(v)).toMatchObject({ buddyName: 'Sam', volunteerContact: null });
      expect(await seenBy(buddy)).toMatchObject({
        buddyName: 'Sam',
        volunteerContact: { name: 'Amira Haddad' },
      });
      expect(await seenBy(coordinator)).toMatchObject({ buddyName: 'Sam', volunteerContact: null });

      // The buddy's erasure ends the pairing; their name goes with it.
      await t.http.post('/v1/me/erasure').set(buddy.auth).expect(200);
      expect(await seenBy(v)).toMatchObject({ status: 'ended', buddyName: null });
    });

    it('shows the buddy the volunteer’s contact details while paired; withdrawing sharing consent ends the pairing and hides them', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { volunteer: v, pairing } = await paired(
        t,
        buddy,
        {},
        { channel: 'skype', skypeHandle: 'amira.h2027' },
      );
      const mine = async (user: TestUser) =>
        ((await t.http.get('/v1/pairings').set(user.auth).expect(200)).body.items as Item[]).find(
          (p) => p.id === pairing.id,
        )!;
      expect((await mine(buddy)).volunteerContact).toEqual({
        name: 'Amira Haddad',
        phone: '+306912345678',
        skypeHandle: 'amira.h2027',
      });
      expect((await mine(v)).volunteerContact).toBeNull();

      await setConsent(t, v, ConsentPurpose.ShareWithBuddy, false);
      const after = await mine(buddy);
      expect(after).toMatchObject({
        status: 'ended',
        endedReason: 'consent-withdrawn',
        volunteerContact: null,
      });
      const rows = await rowsOf(pairing.id);
      expect(rows.map((r) => r.status)).toEqual(Array(8).fill('cancelled'));
      expect(events('checkin.cancelled', pairing.id)).toHaveLength(8);
      expect(events('pairing.ended', pairing.id)).toHaveLength(1);
      const [load] = await t.db.query(
        `SELECT active_pairings FROM buddy_load WHERE buddy_id = $1`,
        [buddy.id],
      );
      expect(load.active_pairings).toBe(0);
    });
  });

  describe('moving, re-planning and ending', () => {
    it('moves one call, refuses a clash or the past, and ending cancels the calls to come', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { volunteer: v, pairing } = await paired(t, buddy);
      const [first, second] = await callsOf(v, START, '2027-03-14T00:00:00Z');
      const moved = await t.http
        .post(`/v1/check-ins/${first.id}/reschedule`)
        .set(v.auth)
        .send({ startsAt: '2027-03-07T18:00:00+02:00' })
        .expect(200);
      expect(moved.body).toMatchObject({
        startsAt: { utc: '2027-03-07T16:00:00.000Z', local: '2027-03-07T18:00:00+02:00' },
        scheduledFor: '2027-03-06T16:00:00.000Z',
      });
      expect(events('checkin.moved', pairing.id)).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            checkinId: first.id,
            previousStartsAt: new Date('2027-03-06T16:00:00Z'),
          }),
        }),
      ]);
      const clash = await t.http
        .post(`/v1/check-ins/${first.id}/reschedule`)
        .set(buddy.auth)
        .send({ startsAt: second.startsAt.utc })
        .expect(409);
      expect(clash.body.type).toBe('/problems/call-clash');
      await t.http
        .post(`/v1/check-ins/${first.id}/reschedule`)
        .set(v.auth)
        .send({ startsAt: '2027-02-28T18:00:00Z' })
        .expect(422);
      await t.http
        .post(`/v1/check-ins/${first.id}/reschedule`)
        .set(v.auth)
        .send({ startsAt: '2027-03-07 18:00' })
        .expect(400);
      await t.app.get(CallMaterialiser).materialise(clock.now());
      expect(await rowsOf(pairing.id)).toHaveLength(8); // the moved call is not planned again

      clock.set('2027-03-10T00:00:00Z');
      const ended = await t.http
        .post(`/v1/pairings/${pairing.id}/end`)
        .set(buddy.auth)
        .send({ reason: 'Moving abroad' })
        .expect(200);
      expect(ended.body).toMatchObject({ status: 'ended', endedReason: 'Moving abroad' });
      const rows = await rowsOf(pairing.id);
      expect(rows.map((r) => r.status)).toEqual(['scheduled', ...Array(7).fill('cancelled')]); // the past call stays
      await t.http
        .post(`/v1/pairings/${pairing.id}/end`)
        .set(v.auth)
        .send({ reason: 'again' })
        .expect(409);
      await t.http
        .post(`/v1/check-ins/${rows[1].id}/reschedule`)
        .set(v.auth)
        .send({ startsAt: '2027-04-01T10:00:00Z' })
        .expect(409);
    });

    it('calls off one call: the other person is told, and neither planning nor a re-plan brings it back', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { volunteer: v, pairing } = await paired(t, buddy);
      const [first, second] = await callsOf(v, START, '2027-03-14T00:00:00Z');
      const cancel = (user: TestUser, id: string) =>
        t.http.post(`/v1/check-ins/${id}/cancel`).set(user.auth);

      const stranger = await verifiedBuddy(t, coordinator);
      await cancel(stranger, second.id).expect(404);
      const done = await cancel(v, second.id).expect(200);
      expect(done.body).toMatchObject({ id: second.id, status: 'cancelled', sequence: 1 });
      expect((await cancel(buddy, second.id).expect(409)).body.type).toBe(
        '/problems/call-not-scheduled',
      );
      const told = await t.db.query<
        Array<{ recipient_id: string; template: string; channel: string | null }>
      >(
        `SELECT recipient_id, template, channel FROM notification
          WHERE about = $1 AND status <> 'cancelled' ORDER BY template`,
        [`checkin:${second.id}`],
      );
      // Told once per channel: exactly one text, and at most one mail (its twin), both to the buddy.
      const tell = ({ recipient_id, template }: { recipient_id: string; template: string }) => ({
        recipient_id,
        template,
      });
      expect(told.filter((r) => r.channel !== 'email').map(tell)).toEqual([
        { recipient_id: buddy.id, template: 'call_cancelled' },
      ]);
      expect(told.filter((r) => r.channel === 'email').map(tell)).toEqual(
        told.some((r) => r.channel === 'email')
          ? [{ recipient_id: buddy.id, template: 'call_cancelled' }]
          : [],
      );
      const [audit] = await t.db.query(
        `SELECT actor_id FROM audit_event WHERE action = 'checkin.cancelled' AND target_id = $1`,
        [second.id],
      );
      expect(audit.actor_id).toBe(v.id);

      await t.app.get(CallMaterialiser).materialise(clock.now());
      await t.http
        .post(`/v1/pairings/${pairing.id}/plan`)
        .set(buddy.auth)
        .send({ cadence: 'weekly', weekday: 6, localTime: '18:00', timezone: 'Europe/Athens' })
        .expect(200);
      const rows = await rowsOf(pairing.id);
      expect(rows.filter((r) => r.status === 'cancelled').map((r) => r.id)).toEqual([second.id]);
      expect(rows.find((r) => r.id === first.id)?.status).toBe('scheduled');

      clock.set('2027-03-06T16:30:00Z'); // the first call has begun: it gets an outcome instead
      expect((await cancel(buddy, first.id).expect(422)).body.type).toBe('/problems/call-started');
    });

    it('lets one of two people cancelling the same call at once through, with one notice', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { volunteer: v } = await paired(t, buddy);
      const [call] = await callsOf(v, START, '2027-03-14T00:00:00Z');
      const results = await Promise.all(
        [buddy, v].map((user) => t.http.post(`/v1/check-ins/${call.id}/cancel`).set(user.auth)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const after = await t.http.get(`/v1/check-ins/${call.id}`).set(v.auth).expect(200);
      expect(after.body).toMatchObject({ status: 'cancelled', sequence: 1 });
      const notices = await t.db.query<Array<{ channel: string | null }>>(
        `SELECT channel FROM notification WHERE about = $1 AND template = 'call_cancelled'`,
        [`checkin:${call.id}`],
      );
      // One notice per channel: exactly one text, and at most one mail twin.
      expect(notices.filter((n) => n.channel !== 'email')).toHaveLength(1);
      expect(notices.filter((n) => n.channel === 'email').length).toBeLessThanOrEqual(1);
    });

    it('re-plans future calls on a new cadence in a new zone, and brings planned calls back when re-planned again', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { volunteer: v, pairing } = await paired(t, buddy);
      const plan = (body: object) =>
        t.http.post(`/v1/pairings/${pairing.id}/plan`).set(v.auth).send(body).expect(200);
      const home = await plan({
        cadence: 'fortnightly',
        weekday: 7,
        localTime: '19:00',
        timezone: 'Europe/London',
      });
      expect(home.body).toMatchObject({
        cadence: 'fortnightly',
        weekday: 7,
        localTime: '19:00',
        timezone: 'Europe/London',
        anchorOn: '2027-03-07',
      });
      const scheduled = (await callsOf(v, START, '2027-05-01T00:00:00Z')).filter(
        (c) => c.status === 'scheduled',
      );
      expect(scheduled.map((c) => c.startsAt.utc)).toEqual([
        '2027-03-07T19:00:00.000Z',
        '2027-03-21T19:00:00.000Z',
        '2027-04-04T18:00:00.000Z', // 19:00 BST
        '2027-04-18T18:00:00.000Z',
      ]);
      expect(events('checkin.cancelled', pairing.id)).toHaveLength(8);

      await plan({ cadence: 'weekly', weekday: 6, localTime: '18:00', timezone: 'Europe/Athens' });
      const rows = await rowsOf(pairing.id);
      expect(rows.filter((r) => r.status === 'scheduled')).toHaveLength(8);
      expect(rows).toHaveLength(12);
      await t.http
        .post(`/v1/pairings/${pairing.id}/plan`)
        .set(v.auth)
        .send({ cadence: 'daily', weekday: 0, localTime: '25:00' })
        .expect(400);
    });
  });

  describe('pairings list', () => {
    it('pages my pairings; coordinators see all and their read is audited', async () => {
      const buddy = await verifiedBuddy(t, coordinator, { maxActivePairings: 3 });
      const made = [await paired(t, buddy), await paired(t, buddy), await paired(t, buddy)];
      const first = await t.http.get('/v1/pairings?limit=2').set(buddy.auth).expect(200);
      const next = await t.http
        .get(`/v1/pairings?limit=2&cursor=${first.body.nextCursor}`)
        .set(buddy.auth)
        .expect(200);
      expect(next.body.nextCursor).toBeNull();
      const ids = [...first.body.items, ...next.body.items].map((p: { id: string }) => p.id);
      expect(ids).toEqual(made.map((m) => m.pairing.id).reverse());
      const all = await t.http.get('/v1/pairings?limit=100').set(coordinator.auth).expect(200);
      expect(all.body.items.length).toBeGreaterThanOrEqual(3);
      expect(all.body.items[0].volunteerContact).toBeNull();
      // Coordinators read both full names; the buddy's own list names nobody in full.
      const seen = all.body.items.find((p: { id: string }) => p.id === made[0].pairing.id);
      expect(seen.people).toEqual({ volunteerName: 'Amira Haddad', buddyName: 'Test buddy' });
      expect(first.body.items[0].people).toBeNull();
      // Each pairing the coordinator saw is its own read, found by the audit search for its id.
      for (const id of ids) {
        const audit = await t.http.get('/v1/audit').query({ target: id }).set(coordinator.auth);
        expect(audit.body.items).toContainEqual(
          expect.objectContaining({ action: 'pairing.listed', actorId: coordinator.id }),
        );
      }
    });
  });

  describe('data rights', () => {
    it('exports requests, pairings and calls; erasure ends the pairing, cancels calls to come and blanks notes and the Skype handle', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const {
        volunteer: v,
        pairing,
        requestId,
      } = await paired(t, buddy, {}, { channel: 'skype', skypeHandle: 'amira.h2027' });
      clock.set('2027-03-07T00:00:00Z');
      const [call] = await callsOf(buddy, START, '2027-03-07T00:00:00Z');
      await outcome(buddy, call.id, {
        status: 'completed',
        wellbeing: 'ok',
        note: 'Talked about home',
      }).expect(200);

      const part = t.app
        .get(DataRights)
        .all()
        .find((p) => p.name === 'pairings')!;
      const exported = (await t.db.transaction((em) => part.export(v.id, em))) as Record<
        string,
        unknown[]
      >;
      expect(exported.requests).toHaveLength(1);
      expect(exported.pairings).toHaveLength(1);
      expect(exported.calls).toHaveLength(8);

      await t.db.transaction((em) => part.erase(v.id, em));
      await t.db.transaction((em) => part.erase(v.id, em)); // idempotent
      const rows = await rowsOf(pairing.id);
      expect(rows.map((r) => [r.status, r.note])).toEqual([
        ['completed', null],
        ...Array(7).fill(['cancelled', null]),
      ]);
      const [p] = await t.db.query(`SELECT status, ended_reason FROM pairing WHERE id = $1`, [
        pairing.id,
      ]);
      expect(p).toEqual({ status: 'ended', ended_reason: 'erased' });
      const [r] = await t.db.query(`SELECT skype_handle FROM buddy_request WHERE id = $1`, [
        requestId,
      ]);
      expect(r.skype_handle).toBeNull();
      expect(events('pairing.ended', pairing.id)).toHaveLength(1);
    });
  });
});
