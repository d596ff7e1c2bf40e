import { DataSource } from 'typeorm';
import { Role } from '../src/common/auth.decorators';
import { DataRights } from '../src/common/data-rights.service';
import { DomainEvents } from '../src/common/domain-events.service';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import {
  bookedSession,
  bookingOf,
  changeTherapistProfile,
  consent,
  sessionRequest,
  signUp,
  therapist,
  volunteer,
  newCoordinator,
} from './factories/sessions';

const TODAY = '2027-02-20T12:00:00Z';

describe('therapy sessions', () => {
  const clock = new TestClock(TODAY);
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    coordinator = await newCoordinator(t);
  });
  afterEach(() => clock.set(TODAY));
  afterAll(() => t.close());

  const get = (user: TestUser, id: string) => t.http.get(`/v1/sessions/${id}`).set(user.auth);

  it('is guarded by the database too: a suspended therapist cannot be booked or moved to', async () => {
    const th = await therapist(t, coordinator);
    const { id } = await bookedSession(t, th, '2027-03-10T09:00:00Z');
    await t.http
      .post(`/v1/vetting/${th.id}/suspend`)
      .set(coordinator.auth)
      .send({ reason: 'Registration under review' })
      .expect((res) => expect(res.status).toBeLessThan(300));

    // Even with the application's checks bypassed, PostgreSQL refuses to move the booking...
    const move = `UPDATE session SET starts_at = starts_at + interval '1 day',
                  ends_at = ends_at + interval '1 day', blocked_until = blocked_until + interval '1 day'
                  WHERE id = $1`;
    await expect(t.db.query(move, [id])).rejects.toThrow(/not verified/);
    // ...or to copy it into a new one; cancelling it is still allowed.
    const copy = `INSERT INTO session (request_id, volunteer_id, therapist_id, modality, starts_at,
                    ends_at, blocked_until, month, status, grant_no)
                  SELECT request_id, volunteer_id, therapist_id, modality, starts_at + interval '2 days',
                    ends_at + interval '2 days', blocked_until + interval '2 days', month, 'booked', 1
                  FROM session WHERE id = $1`;
    await expect(t.db.query(copy, [id])).rejects.toThrow(/not verified/);
    const other = await volunteer(t);
    const requestId = await sessionRequest(t, other);
    const refused = await bookingOf(t, other, {
      requestId,
      therapistId: th.id,
      startsAt: '2027-03-11T09:00:00Z',
    }).expect(422);
    expect(refused.body.type).toBe('/problems/therapist-not-matchable');
  });
  const cancel = (user: TestUser, id: string, reason = 'Cannot make it') =>
    t.http.post(`/v1/sessions/${id}/cancel`).set(user.auth).send({ reason });
  const reschedule = (user: TestUser, id: string, startsAt: string) =>
    t.http.post(`/v1/sessions/${id}/reschedule`).set(user.auth).send({ startsAt });
  const outcome = (user: TestUser, id: string, status: string) =>
    t.http.post(`/v1/sessions/${id}/outcome`).set(user.auth).send({ status });
  const slots = async (therapistId: string, from: string, to: string): Promise<string[]> => {
    const res = await t.http
      .get(`/v1/therapists/${therapistId}/slots`)
      .query({ from, to, tz: 'Europe/London' })
      .set(coordinator.auth)
      .expect(200);
    return (res.body.slots as Array<{ startsAt: { utc: string } }>).map((s) => s.startsAt.utc);
  };

  describe('requests', () => {
    it('needs both consents, and names the one missing (403)', async () => {
      const v = await volunteer(t, { consents: [] });
      const none = await t.http
        .post('/v1/session-requests')
        .set(v.auth)
        .send({
          languages: ['en'],
          modality: 'video',
          notBefore: '2027-03-01T00:00:00Z',
          notAfter: '2027-03-10T00:00:00Z',
        })
        .expect(403);
      expect(none.body).toMatchObject({
        type: '/problems/consent-missing',
        purpose: 'data_processing',
        // Shown to the volunteer as it is: the consent by its title, and where to give it.
        detail:
          'First agree to “Keeping your details” on the page “What you have agreed to” in your account.',
      });
      await consent(t, v.id, [ConsentPurpose.DataProcessing], true);
      const one = await t.http
        .post('/v1/session-requests')
        .set(v.auth)
        .send({
          languages: ['en'],
          modality: 'video',
          notBefore: '2027-03-01T00:00:00Z',
          notAfter: '2027-03-10T00:00:00Z',
        })
        .expect(403);
      expect(one.body).toMatchObject({ purpose: 'share_with_therapist' });
      await consent(t, v.id, [ConsentPurpose.ShareWithTherapist], true);
      expect(await sessionRequest(t, v)).toEqual(expect.any(String));
    });

    it('is for volunteers home or returning within 14 days; others get 422 with the reason', async () => {
      const preparing = await volunteer(t, { startsOn: '2027-04-01', endsOn: '2027-05-01' });
      const farFromHome = await volunteer(t, { startsOn: '2027-02-01', endsOn: '2027-03-07' });
      const nearlyHome = await volunteer(t, { startsOn: '2027-02-01', endsOn: '2027-03-06' });
      const body = {
        languages: ['en'],
        modality: 'video',
        notBefore: '2027-03-08T00:00:00Z',
        notAfter: '2027-03-20T00:00:00Z',
      };
      const a = await t.http
        .post('/v1/session-requests')
        .set(preparing.auth)
        .send(body)
        .expect(422);
      expect(a.body).toMatchObject({ type: '/problems/not-eligible', reason: 'not-deployed-yet' });
      const b = await t.http
        .post('/v1/session-requests')
        .set(farFromHome.auth)
        .send(body)
        .expect(422);
      expect(b.body).toMatchObject({ reason: 'returns-later' });
      expect(b.body.detail).toContain('2027-02-21');
      await t.http.post('/v1/session-requests').set(nearlyHome.auth).send(body).expect(201);
    });

    it.each([
      ['an unknown language', { languages: ['xx'] }, 'languages'],
      ['an unknown modality', { modality: 'carrier-pigeon' }, 'modality'],
      ['a time without offset', { notBefore: '2027-03-01T09:00:00' }, 'notBefore'],
      ['an empty window', { notAfter: '2027-03-01T00:00:00Z' }, 'notAfter'],
      ['a window over 60 days', { notAfter: '2027-05-15T00:00:00Z' }, 'notAfter'],
    ])('rejects %s with 400 naming the field', async (_case, change, field) => {
      const v = await volunteer(t);
      const res = await t.http
        .post('/v1/session-requests')
        .set(v.auth)
        .send({
          languages: ['en'],
          modality: 'video',
          notBefore: '2027-03-01T00:00:00Z',
          notAfter: '2027-03-10T00:00:00Z',
          ...change,
        })
        .expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });
  });

  describe('booking', () => {
    it('books a free slot, shows it in UTC and the volunteer’s zone, and takes it off the slots', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t, { timezone: 'Europe/Athens' });
      const requestId = await sessionRequest(t, v, { note: 'Evenings are hard' });
      expect(await slots(th.id, '2027-03-02T00:00:00Z', '2027-03-03T00:00:00Z')).toContain(
        '2027-03-02T10:00:00.000Z',
      );

      const res = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-02T10:00:00Z',
      }).expect(201);
      expect(res.body).toMatchObject({
        status: 'booked',
        volunteerId: v.id,
        therapistId: th.id,
        grantNo: null,
        sequence: 0,
        startsAt: {
          utc: '2027-03-02T10:00:00.000Z',
          local: '2027-03-02T12:00:00+02:00',
          timezone: 'Europe/Athens',
        },
        endsAt: { utc: '2027-03-02T10:50:00.000Z' },
      });
      const free = await slots(th.id, '2027-03-02T00:00:00Z', '2027-03-03T00:00:00Z');
      // 50 minutes plus a 10-minute buffer on both sides, on the 30-minute grid.
      expect(free).not.toContain('2027-03-02T09:30:00.000Z');
      expect(free).not.toContain('2027-03-02T10:00:00.000Z');
      expect(free).not.toContain('2027-03-02T10:30:00.000Z');
      expect(free).toContain('2027-03-02T11:00:00.000Z');
      expect(free).toContain('2027-03-02T09:00:00.000Z');

      const seen = await get(th, res.body.id).expect(200);
      expect(seen.body.volunteer).toEqual({
        name: 'Amira Haddad',
        phone: '+447911123456',
        note: 'Evenings are hard',
      });
      const own = await get(v, res.body.id).expect(200);
      expect(own.body.volunteer).toBeUndefined();
      expect(own.body.startsAt.local).toBe('2027-03-02T12:00:00+02:00');
    });

    it('refuses a slot the therapist already has (409 slot-taken), buffer included', async () => {
      const th = await therapist(t, coordinator, { bufferMinutes: 15 });
      await bookedSession(t, th, '2027-03-03T09:00:00Z');
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v);
      const same = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-03T09:00:00Z',
      });
      expect(same.body).toMatchObject({ status: 409, type: '/problems/slot-taken' });
      // 09:00-09:50 + 15 minutes: 10:00 is inside the buffer.
      const buffered = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-03T10:00:00Z',
      });
      expect(buffered.body).toMatchObject({ status: 409, type: '/problems/slot-taken' });
      await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-03T10:30:00Z',
      }).expect(201);
    });

    it('rejects a 50-minute session overlapping a 90-minute one on the same therapist', async () => {
      const th = await therapist(t, coordinator, { sessionMinutes: 90, bufferMinutes: 0 });
      await bookedSession(t, th, '2027-03-04T09:00:00Z');
      await changeTherapistProfile(t, th, { sessionMinutes: 50, bufferMinutes: 0 });
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v);
      const res = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-04T10:00:00Z',
      });
      expect(res.body).toMatchObject({ status: 409, type: '/problems/slot-taken' });
      await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-04T10:30:00Z',
      }).expect(201);
    });

    it('applies the availability rules: off-grid, outside the window, too short notice (422)', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v, { notBefore: '2027-02-20T00:00:00Z' });
      const at = (startsAt: string) => bookingOf(t, v, { requestId, therapistId: th.id, startsAt });
      expect((await at('2027-03-05T09:10:00Z')).body).toMatchObject({
        status: 422,
        type: '/problems/off-grid',
      });
      expect((await at('2027-03-05T20:00:00Z')).body).toMatchObject({
        status: 422,
        type: '/problems/outside-availability',
      });
      expect((await at('2027-02-21T09:00:00Z')).body).toMatchObject({
        status: 422,
        type: '/problems/too-short-notice',
      });
      expect((await at('2027-03-28T09:00:00Z')).body).toMatchObject({
        status: 422,
        type: '/problems/outside-request-window',
      });
      const [row] = await t.db.query(
        'SELECT count(*)::int AS n FROM session WHERE therapist_id = $1',
        [th.id],
      );
      expect(row.n).toBe(0);
    });

    it('books only matchable therapists offering the modality and a shared language', async () => {
      const pending = await therapist(t, coordinator, { verified: false });
      const phoneOnly = await therapist(t, coordinator, { modalities: ['phone'] });
      const greekOnly = await therapist(t, coordinator, { languages: ['el'] });
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v);
      const at = (therapistId: string) =>
        bookingOf(t, v, { requestId, therapistId, startsAt: '2027-03-05T09:00:00Z' });
      expect((await at(pending.id)).body).toMatchObject({
        status: 422,
        type: '/problems/therapist-not-matchable',
      });
      expect((await at(v.id)).body).toMatchObject({
        status: 422,
        type: '/problems/therapist-not-matchable',
      });
      expect((await at(phoneOnly.id)).body).toMatchObject({
        status: 422,
        type: '/problems/therapist-unsuitable',
        why: 'modality',
      });
      expect((await at(greekOnly.id)).body).toMatchObject({ status: 422, why: 'language' });

      const suspended = await therapist(t, coordinator);
      await t.http
        .post(`/v1/vetting/${suspended.id}/suspend`)
        .set(coordinator.auth)
        .send({ reason: 'Concern under review' })
        .expect((r) => expect(r.status).toBeLessThan(300));
      expect((await at(suspended.id)).body).toMatchObject({
        status: 422,
        type: '/problems/therapist-not-matchable',
      });
    });

    it('needs the volunteer’s current consent at booking time (403)', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v);
      await consent(t, v.id, [ConsentPurpose.ShareWithTherapist], false);
      const res = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-05T09:00:00Z',
      }).expect(403);
      expect(res.body).toMatchObject({ purpose: 'share_with_therapist' });
    });

    it('books from the volunteer’s own request only (404 for another’s)', async () => {
      const th = await therapist(t, coordinator);
      const owner = await volunteer(t);
      const other = await volunteer(t);
      const requestId = await sessionRequest(t, owner);
      await bookingOf(t, other, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-05T09:00:00Z',
      }).expect(404);
    });
  });

  describe('one session per volunteer', () => {
    it('refuses a second session (409), frees it on cancel, and counts completed ones', async () => {
      const th = await therapist(t, coordinator, { monthlyCapacity: 5 });
      const { id, volunteer: v, requestId } = await bookedSession(t, th, '2027-03-08T09:00:00Z');
      const again = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-08T11:00:00Z',
      });
      expect(again.body).toMatchObject({ status: 409, type: '/problems/session-already-used' });

      await cancel(v, id).expect(200);
      const rebooked = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-08T11:00:00Z',
      }).expect(201);

      clock.set('2027-03-08T11:10:00Z');
      await outcome(th, rebooked.body.id, 'completed').expect(200);
      const third = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-10T11:00:00Z',
      });
      expect(third.body).toMatchObject({ status: 409, type: '/problems/session-already-used' });
    });

    it('lets a coordinator grant one further session with a reason, and only once it is needed', async () => {
      const th = await therapist(t, coordinator, { monthlyCapacity: 5 });
      const { volunteer: v, requestId } = await bookedSession(t, th, '2027-03-09T09:00:00Z');
      const grant = (by: TestUser, id = v.id) =>
        t.http
          .post(`/v1/volunteers/${id}/session-grants`)
          .set(by.auth)
          .send({ reason: 'Second session agreed after review' });

      await grant(v).expect(403);
      await grant(coordinator, th.id).expect(404);
      const first = await grant(coordinator).expect(201);
      expect(first.body).toMatchObject({
        volunteerId: v.id,
        grantNo: 1,
        grantedBy: coordinator.id,
      });
      const twice = await grant(coordinator).expect(409);
      expect(twice.body.type).toBe('/problems/session-not-used-yet');

      const second = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-10T09:00:00Z',
      }).expect(201);
      expect(second.body.grantNo).toBe(1);
      const third = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-11T09:00:00Z',
      });
      expect(third.body.type).toBe('/problems/session-already-used');

      const audit = await t.http
        .get('/v1/audit')
        .query({ target: v.id })
        .set(coordinator.auth)
        .expect(200);
      const granted = audit.body.items.find(
        (e: { action: string }) => e.action === 'session.granted',
      );
      expect(granted).toMatchObject({ actorId: coordinator.id, details: { grantNo: 1 } });
      expect(JSON.stringify(granted)).not.toContain('review');
    });

    it('refuses a session row on a grant that does not exist (database guard)', async () => {
      const th = await therapist(t, coordinator);
      const { id } = await bookedSession(t, th, '2027-03-10T13:00:00Z');
      await expect(
        t.db.query('UPDATE session SET grant_no = 7 WHERE id = $1', [id]),
      ).rejects.toThrow(/session_grant_fk/);
    });
  });

  describe('monthly capacity', () => {
    it('refuses a booking beyond the therapist’s capacity that month (422), and frees it on cancel', async () => {
      const th = await therapist(t, coordinator, { monthlyCapacity: 1 });
      const { id, volunteer: first } = await bookedSession(t, th, '2027-03-02T09:00:00Z');
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v, { notAfter: '2027-04-20T00:00:00Z' });
      const full = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-03T09:00:00Z',
      });
      expect(full.body).toMatchObject({
        status: 422,
        type: '/problems/capacity-reached',
        month: '2027-03',
      });
      await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-04-05T09:00:00Z',
      }).expect(201);
      await cancel(first, id).expect(200);
      const other = await volunteer(t);
      const otherRequest = await sessionRequest(t, other);
      await bookingOf(t, other, {
        requestId: otherRequest,
        therapistId: th.id,
        startsAt: '2027-03-03T09:00:00Z',
      }).expect(201);
    });
  });

  describe('Idempotency-Key', () => {
    it('answers a retry with the same key and body with the same session, once', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v);
      const body = { requestId, therapistId: th.id, startsAt: '2027-03-11T09:00:00Z' };
      const send = (b: object, key = 'book-3f9a') =>
        t.http.post('/v1/sessions').set(v.auth).set('Idempotency-Key', key).send(b);
      const first = await send(body).expect(201);
      const retry = await send({ ...body, startsAt: '2027-03-11T09:00:00.000+00:00' }).expect(201);
      expect(retry.body).toEqual(first.body);
      const [row] = await t.db.query(
        'SELECT count(*)::int AS n FROM session WHERE volunteer_id = $1',
        [v.id],
      );
      expect(row.n).toBe(1);

      const changed = await send({ ...body, startsAt: '2027-03-11T10:00:00Z' }).expect(422);
      expect(changed.body.type).toBe('/problems/idempotency-key-reused');
      await send(body, 'bad key with spaces').expect(400);
      const fresh = await send({ ...body, startsAt: '2027-03-11T11:00:00Z' }, 'book-other');
      expect(fresh.body.type).toBe('/problems/session-already-used');
    });

    it('remembers nothing from a failed attempt: the same key may be retried', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v);
      const send = (startsAt: string) =>
        t.http
          .post('/v1/sessions')
          .set(v.auth)
          .set('Idempotency-Key', 'k-1')
          .send({ requestId, therapistId: th.id, startsAt });
      await send('2027-03-11T09:10:00Z').expect(422);
      await send('2027-03-11T09:00:00Z').expect(201);
    });
  });

  describe('lifecycle', () => {
    it('reschedules the same row for the volunteer or the therapist, freeing the old slot', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-12T09:00:00Z');
      const moved = await reschedule(v, id, '2027-03-12T13:00:00Z').expect(200);
      expect(moved.body).toMatchObject({
        id,
        sequence: 1,
        status: 'booked',
        startsAt: { utc: '2027-03-12T13:00:00.000Z' },
      });
      const free = await slots(th.id, '2027-03-12T00:00:00Z', '2027-03-13T00:00:00Z');
      expect(free).toContain('2027-03-12T09:00:00.000Z');
      expect(free).not.toContain('2027-03-12T13:00:00.000Z');

      await reschedule(th, id, '2027-03-12T15:00:00Z').expect(200);
      const ics = await t.http.get(`/v1/sessions/${id}/calendar.ics`).set(v.auth).expect(200);
      expect(ics.text).toContain('SEQUENCE:2');
      expect(ics.text).toMatch(/DTSTART:20270312T150000Z/);

      const other = await bookedSession(t, th, '2027-03-12T10:00:00Z');
      const clash = await reschedule(other.volunteer, other.id, '2027-03-12T15:00:00Z');
      expect(clash.body).toMatchObject({ status: 409, type: '/problems/slot-taken' });
      expect((await reschedule(v, id, '2027-03-12T15:10:00Z')).body.type).toBe(
        '/problems/off-grid',
      );
      // Still one session: the volunteer cannot book another.
      const requestId = await sessionRequest(t, v);
      const more = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-13T09:00:00Z',
      });
      expect(more.body.type).toBe('/problems/session-already-used');
    });

    it('cancels: the invite says CANCEL, the therapist no longer sees the contact, twice is 409', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-15T09:00:00Z');
      const ics = await t.http.get(`/v1/sessions/${id}/calendar.ics`).set(th.auth).expect(200);
      expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
      expect(ics.text).toContain(`UID:session-${id}@localhost`);
      expect(ics.text).toContain('SUMMARY:Wellbeing session');
      expect(ics.text).toContain('SEQUENCE:0');
      expect(ics.text).toContain('STATUS:CONFIRMED');
      expect(ics.text).not.toMatch(/therap|counsel|mental|health|trauma|psych/i);

      const cancelled = await cancel(th, id, 'Unwell').expect(200);
      expect(cancelled.body).toMatchObject({
        status: 'cancelled',
        cancelledBy: th.id,
        sequence: 1,
      });
      const after = await t.http.get(`/v1/sessions/${id}/calendar.ics`).set(v.auth).expect(200);
      expect(after.text).toContain('METHOD:CANCEL');
      expect(after.text).toContain('STATUS:CANCELLED');
      expect(after.text).toContain(`UID:session-${id}@localhost`);
      expect(after.text).toContain('SEQUENCE:1');
      expect((await get(th, id).expect(200)).body.volunteer).toBeNull();
      expect((await cancel(v, id)).body).toMatchObject({
        status: 409,
        type: '/problems/session-state',
        sessionStatus: 'cancelled',
      });
      expect((await reschedule(v, id, '2027-03-16T09:00:00Z')).body.status).toBe(409);
    });

    it('takes an outcome from the therapist only after the start', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-16T09:00:00Z');
      const early = await outcome(th, id, 'completed').expect(422);
      expect(early.body.type).toBe('/problems/session-not-started');
      await outcome(v, id, 'completed').expect(403);
      await outcome(th, id, 'cancelled').expect(400);
      clock.set('2027-03-16T09:00:00Z');
      const done = await outcome(th, id, 'no_show').expect(200);
      expect(done.body).toMatchObject({ status: 'no_show', outcomeAt: '2027-03-16T09:00:00.000Z' });
      expect((await outcome(th, id, 'completed')).body.status).toBe(409);
      expect((await cancel(v, id)).body.status).toBe(409);
    });

    it('does not let participants cancel or move a session that has started', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-16T11:00:00Z');
      clock.set('2027-03-16T11:05:00Z');
      expect((await cancel(v, id)).body).toMatchObject({
        status: 409,
        type: '/problems/session-started',
      });
      expect((await reschedule(th, id, '2027-03-20T09:00:00Z')).body.type).toBe(
        '/problems/session-started',
      );
      await cancel(coordinator, id, 'Recorded late').expect(200);
    });

    it('cancels future sessions in the same transaction when sharing consent is withdrawn', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-17T09:00:00Z');
      expect((await get(th, id).expect(200)).body.volunteer).toMatchObject({
        phone: '+447911123456',
      });
      await consent(t, v.id, [ConsentPurpose.ShareWithTherapist], false);
      const seen = await get(th, id).expect(200);
      expect(seen.body).toMatchObject({
        status: 'cancelled',
        cancelledBy: null,
        cancelReason: 'consent-withdrawn',
        volunteer: null,
      });
      expect(await slots(th.id, '2027-03-17T00:00:00Z', '2027-03-18T00:00:00Z')).toContain(
        '2027-03-17T09:00:00.000Z',
      );
    });

    it('cancels future sessions when data processing consent is withdrawn too', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-17T13:00:00Z');
      await consent(t, v.id, [ConsentPurpose.DataProcessing], false);
      expect((await get(v, id).expect(200)).body).toMatchObject({ status: 'cancelled' });
    });

    it('publishes booked, rescheduled and cancelled inside the changing transaction', async () => {
      const seen: Array<{ name: string; sessionId: string; inTransaction: boolean }> = [];
      const events = t.app.get(DomainEvents);
      for (const name of ['session.booked', 'session.rescheduled', 'session.cancelled'] as const) {
        events.on(name, (payload, em) => {
          seen.push({
            name,
            sessionId: payload.sessionId,
            inTransaction: em.queryRunner?.isTransactionActive === true,
          });
          return Promise.resolve();
        });
      }
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-18T13:00:00Z');
      await reschedule(v, id, '2027-03-18T15:00:00Z').expect(200);
      await cancel(v, id).expect(200);
      expect(seen.filter((e) => e.sessionId === id)).toEqual([
        { name: 'session.booked', sessionId: id, inTransaction: true },
        { name: 'session.rescheduled', sessionId: id, inTransaction: true },
        { name: 'session.cancelled', sessionId: id, inTransaction: true },
      ]);
    });

    it('hides the contact when consent lapses even before the session is cancelled (past session)', async () => {
      const th = await therapist(t, coordinator);
      const { id, volunteer: v } = await bookedSession(t, th, '2027-03-18T09:00:00Z');
      clock.set('2027-03-18T10:00:00Z');
      await consent(t, v.id, [ConsentPurpose.ShareWithTherapist], false);
      const seen = await get(th, id).expect(200);
      expect(seen.body).toMatchObject({ status: 'booked', volunteer: null });
    });
  });

  describe('who sees what', () => {
    let th: TestUser;
    let v: TestUser;
    let id: string;
    beforeAll(async () => {
      th = await therapist(t, coordinator);
      ({ id, volunteer: v } = await bookedSession(t, th, '2027-03-19T09:00:00Z'));
    });

    it('answers 404 to another volunteer or therapist reading, cancelling or moving it', async () => {
      const otherVolunteer = await volunteer(t);
      const otherTherapist = await signUp(t, Role.Therapist);
      for (const stranger of [otherVolunteer, otherTherapist]) {
        await get(stranger, id).expect(404);
        await t.http.get(`/v1/sessions/${id}/calendar.ics`).set(stranger.auth).expect(404);
        await cancel(stranger, id).expect(404);
        await reschedule(stranger, id, '2027-03-19T13:00:00Z').expect(404);
      }
      await outcome(otherTherapist, id, 'completed').expect(404);
      await get(await signUp(t, Role.Buddy), id).expect(403);
      await get(v, '00000000-0000-4000-8000-000000000000').expect(404);
      await get(v, 'not-a-uuid').expect(400);
      expect((await get(v, id).expect(200)).body.status).toBe('booked');
    });

    it('shows a coordinator everything and audits the read', async () => {
      const res = await get(coordinator, id).expect(200);
      expect(res.body.volunteer).toMatchObject({ name: 'Amira Haddad' });
      const audit = await t.http
        .get('/v1/audit')
        .query({ target: id })
        .set(coordinator.auth)
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('session.read');
    });

    it('lists mine for volunteers and therapists, all for coordinators, in the asked zone', async () => {
      const mine = await t.http
        .get('/v1/sessions')
        .query({ tz: 'Europe/Athens' })
        .set(v.auth)
        .expect(200);
      expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
      expect(mine.body.items[0].startsAt.local).toBe('2027-03-19T11:00:00+02:00');
      const theirs = await t.http.get('/v1/sessions').set(th.auth).expect(200);
      expect(theirs.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
      const stranger = await volunteer(t);
      expect((await t.http.get('/v1/sessions').set(stranger.auth).expect(200)).body.items).toEqual(
        [],
      );

      const page1 = await t.http
        .get('/v1/sessions')
        .query({ limit: 1 })
        .set(coordinator.auth)
        .expect(200);
      expect(page1.body.items).toHaveLength(1);
      const page2 = await t.http
        .get('/v1/sessions')
        .query({ limit: 1, cursor: page1.body.nextCursor })
        .set(coordinator.auth)
        .expect(200);
      expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
      await t.http.get('/v1/sessions').query({ tz: 'Mars/Olympus' }).set(v.auth).expect(400);
    });
  });

  describe('data rights', () => {
    it('exports the volunteer’s sessions and erases: future ones cancelled, notes blanked', async () => {
      const th = await therapist(t, coordinator);
      const v = await volunteer(t);
      const requestId = await sessionRequest(t, v, { note: 'Please call after 6pm' });
      const booked = await bookingOf(t, v, {
        requestId,
        therapistId: th.id,
        startsAt: '2027-03-22T09:00:00Z',
      }).expect(201);
      const part = t.app
        .get(DataRights)
        .all()
        .find((p) => p.name === 'sessions')!;
      const db = t.app.get(DataSource);

      const exported = (await db.transaction((em) => part.export(v.id, em))) as {
        sessions: Array<{ id: string }>;
        requests: Array<{ note: string }>;
      };
      expect(exported.sessions.map((s) => s.id)).toEqual([booked.body.id]);
      expect(exported.requests[0].note).toBe('Please call after 6pm');

      await db.transaction((em) => part.erase(v.id, em));
      await db.transaction((em) => part.erase(v.id, em)); // idempotent
      const [session] = await t.db.query(
        'SELECT status, cancel_reason FROM session WHERE id = $1',
        [booked.body.id],
      );
      expect(session).toEqual({ status: 'cancelled', cancel_reason: 'erased' });
      const [request] = await t.db.query('SELECT note FROM session_request WHERE id = $1', [
        requestId,
      ]);
      expect(request.note).toBeNull();
    });
  });
});
