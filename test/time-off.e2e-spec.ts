import { Role } from '../src/common/auth.decorators';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { bookedSession, newCoordinator, signUp, therapist } from './factories/sessions';

const TODAY = '2027-02-20T12:00:00Z';

/**
 * Time off over a range of dates (POST /v1/me/availability/time-off), and what happens to the
 * booked sessions inside it: 409 listing them, or kept, or cancelled with the volunteer told.
 */
describe('time off', () => {
  const clock = new TestClock(TODAY);
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    coordinator = await newCoordinator(t);
  });
  afterEach(() => clock.set(TODAY));
  afterAll(() => t.close());

  const timeOff = (user: TestUser, body: object) =>
    t.http.post('/v1/me/availability/time-off').set(user.auth).send(body);
  const exceptionOf = (user: TestUser, body: object) =>
    t.http.post('/v1/me/availability/exceptions').set(user.auth).send(body);
  const exceptions = async (user: TestUser) =>
    (await t.http.get('/v1/me/availability').set(user.auth).expect(200)).body.exceptions as Array<{
      date: string;
      unavailable: boolean;
    }>;
  const sessionRow = async (id: string) =>
    (
      await t.db.query<Array<{ status: string; cancel_reason: string | null }>>(
        `SELECT status, cancel_reason FROM session WHERE id = $1`,
        [id],
      )
    )[0];
  const cancelTexts = (sessionId: string) =>
    t.db.query<Array<{ recipient_id: string }>>(
      `SELECT recipient_id FROM notification WHERE about = $1 AND template = 'session_cancelled'`,
      [`session:${sessionId}`],
    );
  const slotsOn = async (therapistId: string, date: string) => {
    const res = await t.http
      .get(`/v1/therapists/${therapistId}/slots`)
      .query({ from: date, to: date, tz: 'Europe/London' })
      .set(coordinator.auth)
      .expect(200);
    return res.body.slots as unknown[];
  };

  it('closes every date of the range, both ends included, in one call', async () => {
    const th = await therapist(t, coordinator);
    await exceptionOf(th, {
      date: '2027-03-03',
      windows: [{ start: '10:00', end: '12:00' }],
    }).expect(201);
    expect(await slotsOn(th.id, '2027-03-02')).not.toHaveLength(0);

    const res = await timeOff(th, { from: '2027-03-02', to: '2027-03-05' }).expect(201);

    expect(res.body).toMatchObject({
      from: '2027-03-02',
      to: '2027-03-05',
      cancelledSessionIds: [],
      keptSessionIds: [],
    });
    const closed = ['2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05'];
    expect(await exceptions(th)).toEqual(
      closed.map((date) => expect.objectContaining({ date, unavailable: true, windows: [] })),
    );
    for (const date of closed) expect(await slotsOn(th.id, date)).toEqual([]);
    expect(await slotsOn(th.id, '2027-03-06')).not.toHaveLength(0);
  });

  it.each([
    ['to before from', { from: '2027-03-05', to: '2027-03-04' }, 'to'],
    ['367 days', { from: '2027-03-01', to: '2028-03-01' }, 'to'],
    ['no to', { from: '2027-03-01' }, 'to'],
    ['a date that does not exist', { from: '2027-02-30', to: '2027-03-01' }, 'from'],
    ['an unknown choice', { from: '2027-03-01', to: '2027-03-02', sessions: 'move' }, 'sessions'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_, body, field) => {
    const th = await therapist(t, coordinator);
    const res = await timeOff(th, body).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await exceptions(th)).toEqual([]);
  });

  it('takes a whole year (366 days) and refuses the past or beyond two years (422)', async () => {
    const th = await therapist(t, coordinator);
    const year = await timeOff(th, { from: '2027-03-01', to: '2028-02-29' }).expect(201);
    expect(year.body.exceptions).toHaveLength(366);
    const past = await timeOff(th, { from: '2027-01-01', to: '2027-01-02' }).expect(422);
    expect(past.body.type).toBe('/problems/out-of-range');
    await timeOff(th, { from: '2029-06-01', to: '2029-06-02' }).expect(422);
  });

  it('needs weekly availability first (409), and is for therapists and buddies only', async () => {
    const fresh = await signUp(t, Role.Therapist);
    const res = await timeOff(fresh, { from: '2027-03-02', to: '2027-03-03' }).expect(409);
    expect(res.body.type).toBe('/problems/availability-not-set');
    const volunteer = await signUp(t, Role.Volunteer);
    await timeOff(volunteer, { from: '2027-03-02', to: '2027-03-03' }).expect(403);
  });

  it('a booked session inside: 409 listing it in the therapist’s zone, and nothing changes', async () => {
    const th = await therapist(t, coordinator);
    const inside = await bookedSession(t, th, '2027-03-10T09:00:00Z');
    const outside = await bookedSession(t, th, '2027-03-12T09:00:00Z');

    const res = await timeOff(th, { from: '2027-03-09', to: '2027-03-11' }).expect(409);

    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: '/problems/time-off-covers-sessions',
      status: 409,
      sessions: [
        {
          id: inside.id,
          startsAt: {
            utc: '2027-03-10T09:00:00.000Z',
            local: '2027-03-10T09:00:00+00:00',
            timezone: 'Europe/London',
          },
          endsAt: expect.objectContaining({ utc: '2027-03-10T09:50:00.000Z' }),
          volunteerFirstName: 'Amira',
        },
      ],
    });
    expect(res.body.detail).not.toMatch(/sessions:|keep'|cancel'/);
    expect(await exceptions(th)).toEqual([]);
    expect(await sessionRow(inside.id)).toEqual({ status: 'booked', cancel_reason: null });
    expect(await sessionRow(outside.id)).toEqual({ status: 'booked', cancel_reason: null });
  });

  it('reads the dates in the therapist’s zone, not in UTC', async () => {
    const th = await therapist(t, coordinator, { timezone: 'America/Los_Angeles' });
    // 16:00 on Wednesday 10 March in Los Angeles is already 11 March in UTC.
    const evening = await bookedSession(t, th, '2027-03-11T00:00:00Z');

    const eleventh = await timeOff(th, { from: '2027-03-11', to: '2027-03-11' }).expect(201);
    expect(eleventh.body.keptSessionIds).toEqual([]);
    const tenth = await timeOff(th, { from: '2027-03-10', to: '2027-03-10' }).expect(409);
    expect(tenth.body.sessions).toEqual([
      expect.objectContaining({
        id: evening.id,
        startsAt: expect.objectContaining({ local: '2027-03-10T16:00:00-08:00' }),
      }),
    ]);
  });

  it('sessions: keep saves the time off and leaves the session booked, nobody is texted', async () => {
    const th = await therapist(t, coordinator);
    const inside = await bookedSession(t, th, '2027-03-10T09:00:00Z');

    const res = await timeOff(th, {
      from: '2027-03-10',
      to: '2027-03-10',
      sessions: 'keep',
    }).expect(201);

    expect(res.body).toMatchObject({ keptSessionIds: [inside.id], cancelledSessionIds: [] });
    expect(await exceptions(th)).toEqual([
      expect.objectContaining({ date: '2027-03-10', unavailable: true }),
    ]);
    expect(await sessionRow(inside.id)).toEqual({ status: 'booked', cancel_reason: null });
    expect(await cancelTexts(inside.id)).toEqual([]);
  });

  it('sessions: cancel cancels it in the same call, tells the volunteer and reopens their request', async () => {
    const th = await therapist(t, coordinator);
    const other = await therapist(t, coordinator);
    const inside = await bookedSession(t, th, '2027-03-10T09:00:00Z');
    const after = await bookedSession(t, th, '2027-03-12T09:00:00Z');
    const someoneElses = await bookedSession(t, other, '2027-03-10T09:00:00Z');

    const res = await timeOff(th, {
      from: '2027-03-09',
      to: '2027-03-11',
      sessions: 'cancel',
    }).expect(201);

    expect(res.body).toMatchObject({ cancelledSessionIds: [inside.id], keptSessionIds: [] });
    expect(await sessionRow(inside.id)).toEqual({
      status: 'cancelled',
      cancel_reason: 'therapist-time-off',
    });
    expect(await sessionRow(after.id)).toMatchObject({ status: 'booked' });
    expect(await sessionRow(someoneElses.id)).toMatchObject({ status: 'booked' });
    expect((await cancelTexts(inside.id)).map((r) => r.recipient_id)).toContain(
      inside.volunteer.id,
    );
    const open = await t.http.get('/v1/me/session-requests').set(inside.volunteer.auth).expect(200);
    expect(open.body.items).toEqual([expect.objectContaining({ id: inside.requestId })]);
    const audit = await t.db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_event WHERE actor_id = $1 ORDER BY action`,
      [th.id],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['availability.time_off_set', 'session.cancelled']),
    );
  });

  it('a failure after the cancel rolls the cancel back: one transaction', async () => {
    const th = await therapist(t, coordinator);
    const inside = await bookedSession(t, th, '2027-03-10T09:00:00Z');
    // The audit row of the time off is the last write; make it fail (a CHECK violation is 422).
    await t.db.query(`ALTER TABLE audit_event ADD CONSTRAINT time_off_test_refusal
                      CHECK (action <> 'availability.time_off_set') NOT VALID`);
    try {
      await timeOff(th, { from: '2027-03-10', to: '2027-03-10', sessions: 'cancel' }).expect(422);
    } finally {
      await t.db.query(`ALTER TABLE audit_event DROP CONSTRAINT time_off_test_refusal`);
    }
    expect(await sessionRow(inside.id)).toEqual({ status: 'booked', cancel_reason: null });
    expect(await cancelTexts(inside.id)).toEqual([]);
    expect(await exceptions(th)).toEqual([]);
  });

  describe('one date (POST /v1/me/availability/exceptions)', () => {
    it('unavailable over a booked session: 409 listing it; with sessions: cancel it goes', async () => {
      const th = await therapist(t, coordinator);
      const inside = await bookedSession(t, th, '2027-03-10T09:00:00Z');

      const refused = await exceptionOf(th, { date: '2027-03-10', unavailable: true }).expect(409);
      expect(refused.body.sessions).toEqual([expect.objectContaining({ id: inside.id })]);
      expect(await exceptions(th)).toEqual([]);

      await exceptionOf(th, { date: '2027-03-10', unavailable: true, sessions: 'cancel' }).expect(
        201,
      );
      expect(await sessionRow(inside.id)).toMatchObject({ status: 'cancelled' });
    });

    it('new windows that still hold the session need no choice; ones that leave it out do', async () => {
      const th = await therapist(t, coordinator);
      const inside = await bookedSession(t, th, '2027-03-10T09:00:00Z');

      await exceptionOf(th, {
        date: '2027-03-10',
        windows: [{ start: '09:00', end: '10:00' }],
      }).expect(201);
      const refused = await exceptionOf(th, {
        date: '2027-03-10',
        windows: [{ start: '13:00', end: '17:00' }],
      }).expect(409);
      expect(refused.body.sessions).toEqual([expect.objectContaining({ id: inside.id })]);
      await exceptionOf(th, {
        date: '2027-03-10',
        windows: [{ start: '13:00', end: '17:00' }],
        sessions: 'keep',
      }).expect(201);
      expect(await sessionRow(inside.id)).toMatchObject({ status: 'booked' });
    });
  });
});
