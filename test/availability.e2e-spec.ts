import { EntityManager } from 'typeorm';
import { AvailabilityService } from '../src/availability/availability.service';
import { BusyInterval } from '../src/availability/busy-source';
import { Role } from '../src/common/auth.decorators';
import { DataRights } from '../src/common/data-rights.service';
import { PeopleService } from '../src/people/people.service';
import { createCoordinator, createTestApp, signInAgain, signUp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { buddyProfile, therapistProfile } from './people.fixtures';

/**
 * The clock stands at Monday 1 March 2027, 12:00 UTC, so the UK clock changes of 2027 (28 March,
 * 31 October) lie ahead and the slots around them are in the future.
 */
const NOW = '2027-03-01T12:00:00Z';
const WEEKDAYS_9_TO_5 = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '09:00',
  end: '17:00',
}));

describe('availability', () => {
  const clock = new TestClock(NOW);
  let t: TestApp;
  let coordinator: TestUser;
  let availability: AvailabilityService;
  /** What the test busy source reports, by user. */
  const busy = new Map<string, BusyInterval[]>();
  const busyCalls: string[][] = [];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    coordinator = await createCoordinator(t);
    availability = t.app.get(AvailabilityService);
    availability.registerBusySource({
      busy: (userIds, range) => {
        busyCalls.push(userIds);
        return Promise.resolve(
          userIds
            .flatMap((id) => busy.get(id) ?? [])
            .filter((b) => b.startsAt < range.to && b.endsAt > range.from),
        );
      },
    });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  const putAvailability = (user: TestUser, body: object) =>
    t.http.put('/v1/me/availability').set(user.auth).send(body);
  const addException = (user: TestUser, body: object) =>
    t.http.post('/v1/me/availability/exceptions').set(user.auth).send(body);
  const slots = (user: TestUser, therapistId: string, query: Record<string, string>) =>
    t.http.get(`/v1/therapists/${therapistId}/slots`).query(query).set(user.auth);
  /** The distinct fields a 400 names. */
  const fields = (res: { body: { errors?: Array<{ field: string }> } }) => [
    ...new Set((res.body.errors ?? []).map((e) => e.field)),
  ];

  /** A therapist with a profile (50-min sessions, 24 h notice, 10-min buffer), verified unless asked. */
  async function therapist(
    options: { vetting?: 'pending' | 'verified' | 'suspended'; expiresOn?: string } = {},
    weekly = WEEKDAYS_9_TO_5,
  ): Promise<TestUser> {
    const user = await signUp(t, Role.Therapist);
    await t.http
      .put('/v1/me/profile')
      .set(user.auth)
      .send({
        ...therapistProfile(),
        sessionMinutes: 50,
        minimumNoticeHours: 24,
        bufferMinutes: 10,
      })
      .expect(200);
    await putAvailability(user, { timezone: 'Europe/London', weekly }).expect(200);
    if ((options.vetting ?? 'verified') !== 'pending') {
      await t.http
        .post(`/v1/vetting/${user.id}/verify`)
        .set(coordinator.auth)
        .send({ evidence: 'BACP register entry seen', expiresOn: options.expiresOn })
        .expect(200);
    }
    if (options.vetting === 'suspended') {
      await t.http
        .post(`/v1/vetting/${user.id}/suspend`)
        .set(coordinator.auth)
        .send({ reason: 'Concern under review' })
        .expect(200);
      return signInAgain(t, user); // suspension ended their sessions, not their account
    }
    return user;
  }

  describe('weekly windows and exceptions', () => {
    it('stores several windows a day and reads them back with the exceptions', async () => {
      const buddy = await signUp(t, Role.Buddy);
      const weekly = [
        { weekday: 3, start: '18:00', end: '24:00' },
        { weekday: 1, start: '13:00', end: '17:30' },
        { weekday: 1, start: '09:00', end: '13:00' },
      ];
      const put = await putAvailability(buddy, { timezone: 'Europe/Athens', weekly }).expect(200);
      expect(put.body).toEqual({
        timezone: 'Europe/Athens',
        weekly: [
          { weekday: 1, start: '09:00', end: '13:00' },
          { weekday: 1, start: '13:00', end: '17:30' },
          { weekday: 3, start: '18:00', end: '24:00' },
        ],
        exceptions: [],
      });
      const exception = await addException(buddy, {
        date: '2027-04-05',
        windows: [{ start: '10:00', end: '11:00' }],
      }).expect(201);
      const got = await t.http.get('/v1/me/availability').set(buddy.auth).expect(200);
      expect(got.body).toEqual({
        ...put.body,
        exceptions: [
          {
            id: exception.body.id,
            date: '2027-04-05',
            unavailable: false,
            windows: [{ start: '10:00', end: '11:00' }],
          },
        ],
      });

      await putAvailability(buddy, { timezone: 'Europe/London', weekly: [] }).expect(200);
      const replaced = await t.http.get('/v1/me/availability').set(buddy.auth).expect(200);
      expect(replaced.body).toMatchObject({ timezone: 'Europe/London', weekly: [] });
      expect(replaced.body.exceptions).toHaveLength(1);
    });

    it('answers an empty availability before anything is set', async () => {
      const fresh = await signUp(t, Role.Therapist);
      const res = await t.http.get('/v1/me/availability').set(fresh.auth).expect(200);
      expect(res.body).toEqual({ timezone: null, weekly: [], exceptions: [] });
    });

    let validatingUser: TestUser | undefined;
    /** One therapist with 9-to-5 weekdays for every refused change (a refusal changes nothing). */
    const validating = async () => {
      if (!validatingUser) {
        validatingUser = await signUp(t, Role.Therapist);
        await putAvailability(validatingUser, {
          timezone: 'Europe/London',
          weekly: WEEKDAYS_9_TO_5,
        }).expect(200);
      }
      return validatingUser;
    };

    it.each([
      ['an unknown timezone', { timezone: 'Europe/Londres' }, 'timezone'],
      ['an offset for a timezone', { timezone: '+01:00' }, 'timezone'],
      ['a bad HH:mm', { weekly: [{ weekday: 1, start: '9:00', end: '17:00' }] }, 'weekly.0.start'],
      ['hour 25', { weekly: [{ weekday: 1, start: '09:00', end: '25:00' }] }, 'weekly.0.end'],
      [
        'end before start',
        { weekly: [{ weekday: 2, start: '17:00', end: '09:00' }] },
        'weekly.0.end',
      ],
      [
        'end equal to start',
        { weekly: [{ weekday: 2, start: '09:00', end: '09:00' }] },
        'weekly.0.end',
      ],
      ['weekday 0', { weekly: [{ weekday: 0, start: '09:00', end: '10:00' }] }, 'weekly.0.weekday'],
      ['weekday 8', { weekly: [{ weekday: 8, start: '09:00', end: '10:00' }] }, 'weekly.0.weekday'],
      [
        'overlapping windows',
        {
          weekly: [
            { weekday: 4, start: '09:00', end: '12:00' },
            { weekday: 4, start: '11:30', end: '13:00' },
          ],
        },
        'weekly',
      ],
      ['no weekly list', { weekly: undefined }, 'weekly'],
      ['an unknown field', { weekly: [], note: 'x' }, 'note'],
    ])('refuses %s with 400 naming the field, changing nothing', async (_, change, field) => {
      const user = await signUp(t, Role.Therapist);
      await putAvailability(user, { timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 }).expect(
        200,
      );
      const res = await putAvailability(user, {
        timezone: 'Europe/London',
        weekly: [{ weekday: 5, start: '08:00', end: '09:00' }],
        ...change,
      }).expect(400);
      expect(res.body).toMatchObject({ type: '/problems/validation-failed', status: 400 });
      expect(fields(res)).toEqual([field]);
      const after = await t.http.get('/v1/me/availability').set(user.auth).expect(200);
      expect(after.body.weekly).toEqual(WEEKDAYS_9_TO_5);
    });

    it('lets windows touch without overlapping', async () => {
      const user = await signUp(t, Role.Therapist);
      const weekly = [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 1, start: '12:00', end: '13:00' },
        { weekday: 2, start: '11:30', end: '13:00' },
      ];
      await putAvailability(user, { timezone: 'Europe/London', weekly }).expect(200);
    });

    it.each([
      ['a date that does not exist', { date: '2027-02-30', unavailable: true }, 'date'],
      ['neither unavailable nor windows', { date: '2027-04-01' }, 'unavailable'],
      ['unavailable: false', { date: '2027-04-01', unavailable: false }, 'unavailable'],
      [
        'both unavailable and windows',
        { date: '2027-04-01', unavailable: true, windows: [{ start: '09:00', end: '10:00' }] },
        'windows',
      ],
      ['an empty window list', { date: '2027-04-01', windows: [] }, 'windows'],
      [
        'end before start',
        { date: '2027-04-01', windows: [{ start: '10:00', end: '09:00' }] },
        'windows.0.end',
      ],
      [
        'overlapping windows',
        {
          date: '2027-04-01',
          windows: [
            { start: '09:00', end: '10:00' },
            { start: '09:30', end: '11:00' },
          ],
        },
        'windows',
      ],
    ])('refuses an exception with %s (400 naming the field)', async (_, body, field) => {
      const user = await validating();
      const res = await addException(user, body).expect(400);
      expect(fields(res)).toEqual([field]);
      const after = await t.http.get('/v1/me/availability').set(user.auth).expect(200);
      expect(after.body.exceptions).toEqual([]);
    });

    it('replaces the exception of a date rather than adding a second one', async () => {
      const user = await signUp(t, Role.Therapist);
      await putAvailability(user, { timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 }).expect(
        200,
      );
      const first = await addException(user, { date: '2027-04-02', unavailable: true }).expect(201);
      expect(first.body).toMatchObject({ date: '2027-04-02', unavailable: true, windows: [] });
      const second = await addException(user, {
        date: '2027-04-02',
        windows: [{ start: '14:00', end: '15:00' }],
      }).expect(201);
      expect(second.body).toMatchObject({ id: first.body.id, unavailable: false });
      const { body } = await t.http.get('/v1/me/availability').set(user.auth).expect(200);
      expect(body.exceptions).toEqual([
        {
          id: first.body.id,
          date: '2027-04-02',
          unavailable: false,
          windows: [{ start: '14:00', end: '15:00' }],
        },
      ]);
    });

    it('sets one date’s exception three times at once: one exception, no 500', async () => {
      const user = await signUp(t, Role.Therapist);
      await putAvailability(user, { timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 }).expect(
        200,
      );
      const results = await Promise.all(
        ['09:00', '13:00', '15:00'].map((start) =>
          addException(user, {
            date: '2027-04-06',
            windows: [{ start, end: `${Number(start.slice(0, 2)) + 1}:00` }],
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
      const { body } = await t.http.get('/v1/me/availability').set(user.auth).expect(200);
      expect(body.exceptions).toHaveLength(1);
      expect(body.exceptions[0].windows).toHaveLength(1);
    });

    it('needs weekly availability (and its zone) before an exception: 409', async () => {
      const user = await signUp(t, Role.Therapist);
      const res = await addException(user, { date: '2027-04-01', unavailable: true }).expect(409);
      expect(res.body.type).toBe('/problems/availability-not-set');
    });

    it('deletes only your own exceptions: another person’s answers 404 and stays', async () => {
      const owner = await signUp(t, Role.Therapist);
      const other = await signUp(t, Role.Therapist);
      for (const u of [owner, other]) {
        await putAvailability(u, { timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 }).expect(
          200,
        );
      }
      const { body: exception } = await addException(owner, {
        date: '2027-04-07',
        unavailable: true,
      }).expect(201);

      await t.http
        .delete(`/v1/me/availability/exceptions/${exception.id}`)
        .set(other.auth)
        .expect(404);
      const kept = await t.http.get('/v1/me/availability').set(owner.auth).expect(200);
      expect(kept.body.exceptions).toHaveLength(1);

      await t.http
        .delete(`/v1/me/availability/exceptions/${exception.id}`)
        .set(owner.auth)
        .expect(204);
      await t.http
        .delete(`/v1/me/availability/exceptions/${exception.id}`)
        .set(owner.auth)
        .expect(404);
      await t.http.delete('/v1/me/availability/exceptions/not-a-uuid').set(owner.auth).expect(400);
    });

    it('changes only the caller’s own availability, and only for therapists and buddies', async () => {
      const a = await signUp(t, Role.Therapist);
      const b = await signUp(t, Role.Therapist);
      await putAvailability(a, { timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 }).expect(200);
      await putAvailability(b, { timezone: 'Asia/Tokyo', weekly: [] }).expect(200);
      const mineA = await t.http.get('/v1/me/availability').set(a.auth).expect(200);
      expect(mineA.body).toMatchObject({ timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 });

      const volunteer = await signUp(t, Role.Volunteer);
      await putAvailability(volunteer, { timezone: 'Europe/London', weekly: [] }).expect(403);
      await t.http.get('/v1/me/availability').set(coordinator.auth).expect(403);
    });

    it('is guarded by the database too: weekday range, end after start, no overlap, one exception a date', async () => {
      const user = await signUp(t, Role.Therapist);
      await putAvailability(user, {
        timezone: 'Europe/London',
        weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
      }).expect(200);
      const insertRule = (weekday: number, start: string, end: string) =>
        t.db.query(
          `INSERT INTO availability_rule (user_id, weekday, start_time, end_time) VALUES ($1, $2, $3, $4)`,
          [user.id, weekday, start, end],
        );
      await expect(insertRule(8, '09:00', '10:00')).rejects.toThrow(
        /availability_rule_weekday_check/,
      );
      await expect(insertRule(2, '10:00', '09:00')).rejects.toThrow(
        /availability_rule_times_check/,
      );
      await expect(insertRule(1, '11:00', '13:00')).rejects.toThrow(/availability_rule_no_overlap/);
      await insertRule(1, '12:00', '24:00');

      const insertException = () =>
        t.db.query(`INSERT INTO availability_exception (user_id, date) VALUES ($1, '2027-05-01')`, [
          user.id,
        ]);
      await insertException();
      await expect(insertException()).rejects.toThrow(/availability_exception_user_date_key/);
    });
  });

  describe('free slots', () => {
    it('shows a London therapist’s 09:00 as 11:00 to a volunteer in Athens, before and after the change', async () => {
      const london = await therapist();
      const volunteer = await signUp(t, Role.Volunteer, { timezone: 'Europe/Athens' });
      const before = await slots(volunteer, london.id, {
        from: '2027-03-22',
        to: '2027-03-22',
      }).expect(200);
      expect(before.body).toMatchObject({
        therapistId: london.id,
        therapistTimezone: 'Europe/London',
        timezone: 'Europe/Athens',
        sessionMinutes: 50,
        from: '2027-03-21T22:00:00.000Z',
        to: '2027-03-22T22:00:00.000Z',
      });
      expect(before.body.slots[0]).toEqual({
        startsAt: {
          utc: '2027-03-22T09:00:00.000Z',
          local: '2027-03-22T11:00:00+02:00',
          timezone: 'Europe/Athens',
        },
        endsAt: {
          utc: '2027-03-22T09:50:00.000Z',
          local: '2027-03-22T11:50:00+02:00',
          timezone: 'Europe/Athens',
        },
      });
      expect(before.body.slots).toHaveLength(15); // 09:00 ... 16:00 London

      const after = await slots(volunteer, london.id, {
        from: '2027-03-29T00:00:00Z',
        to: '2027-03-30T00:00:00Z',
        tz: 'Europe/Athens',
      }).expect(200);
      expect(after.body.slots[0].startsAt).toMatchObject({
        utc: '2027-03-29T08:00:00.000Z',
        local: '2027-03-29T11:00:00+03:00',
      });

      const autumn = await slots(volunteer, london.id, {
        from: '2027-11-01',
        to: '2027-11-01',
        tz: 'Europe/London',
      }).expect(200);
      expect(autumn.body.slots[0].startsAt).toMatchObject({
        utc: '2027-11-01T09:00:00.000Z',
        local: '2027-11-01T09:00:00+00:00',
      });
    });

    it('respects minimum notice and the date exceptions', async () => {
      const th = await therapist();
      await addException(th, { date: '2027-03-03', unavailable: true }).expect(201);
      await addException(th, {
        date: '2027-03-04',
        windows: [{ start: '18:00', end: '19:00' }],
      }).expect(201);
      const volunteer = await signUp(t, Role.Volunteer);
      const { body } = await slots(volunteer, th.id, {
        from: '2027-03-01',
        to: '2027-03-04',
      }).expect(200);
      const starts = body.slots.map((s: { startsAt: { utc: string } }) => s.startsAt.utc);
      // Now is Monday 12:00Z and notice is 24 h: Tuesday from 12:00; Wednesday closed; Thursday 18:00.
      expect(starts).toEqual([
        '2027-03-02T12:00:00.000Z',
        '2027-03-02T12:30:00.000Z',
        '2027-03-02T13:00:00.000Z',
        '2027-03-02T13:30:00.000Z',
        '2027-03-02T14:00:00.000Z',
        '2027-03-02T14:30:00.000Z',
        '2027-03-02T15:00:00.000Z',
        '2027-03-02T15:30:00.000Z',
        '2027-03-02T16:00:00.000Z',
        '2027-03-04T18:00:00.000Z',
      ]);
    });

    it('removes the slots a busy interval overlaps, buffer included', async () => {
      const th = await therapist();
      // A session 10:00-10:50Z, widened by the 10-minute buffer as the sessions module does.
      busy.set(th.id, [
        {
          userId: th.id,
          id: 'session-1',
          startsAt: new Date('2027-03-22T09:50:00Z'),
          endsAt: new Date('2027-03-22T11:00:00Z'),
        },
      ]);
      const volunteer = await signUp(t, Role.Volunteer);
      const { body } = await slots(volunteer, th.id, {
        from: '2027-03-22T09:00:00Z',
        to: '2027-03-22T12:00:00Z',
        tz: 'Europe/London',
      }).expect(200);
      expect(
        body.slots.map((s: { startsAt: { utc: string } }) => s.startsAt.utc.slice(11, 16)),
      ).toEqual(['09:00', '11:00', '11:30']);
    });

    it('does not offer pending, suspended or expired therapists to volunteers (404)', async () => {
      const pending = await therapist({ vetting: 'pending' });
      const suspended = await therapist({ vetting: 'suspended' });
      const expiring = await therapist({ expiresOn: '2027-03-10' });
      const volunteer = await signUp(t, Role.Volunteer);
      const otherTherapist = await therapist();
      const query = { from: '2027-03-22', to: '2027-03-23' };

      for (const th of [pending, suspended]) {
        const res = await slots(volunteer, th.id, query).expect(404);
        expect(res.body.type).toBe('/problems/not-found');
        await slots(otherTherapist, th.id, query).expect(404);
        // The therapist themself and coordinators still see them.
        const own = await slots(th, th.id, query).expect(200);
        expect(own.body.slots.length).toBeGreaterThan(0);
        await slots(coordinator, th.id, query).expect(200);
      }

      await slots(volunteer, expiring.id, query).expect(200);
      clock.set('2027-03-10T00:00:00Z');
      await slots(volunteer, expiring.id, query).expect(404);
      await slots(expiring, expiring.id, query).expect(200);
    });

    it('answers 404 for an unknown id or someone who is not a therapist, 400 for a bad uuid', async () => {
      const volunteer = await signUp(t, Role.Volunteer);
      const query = { from: '2027-03-22', to: '2027-03-23' };
      await slots(volunteer, '0b6f2d57-5c2e-4f57-8f0a-3d7c1e9b2a11', query).expect(404);
      await slots(coordinator, volunteer.id, query).expect(404);
      await slots(volunteer, 'nope', query).expect(400);
    });

    it.each([
      ['from after to', { from: '2027-03-23', to: '2027-03-22' }, 'to'],
      [
        'from after to (instants)',
        { from: '2027-03-23T10:00:00Z', to: '2027-03-23T09:00:00Z' },
        'to',
      ],
      ['more than 60 days', { from: '2027-03-01', to: '2027-04-30' }, 'to'],
      ['a time without offset', { from: '2027-03-22T09:00', to: '2027-03-23' }, 'from'],
      ['a bad date', { from: '2027-02-30', to: '2027-03-23' }, 'from'],
      ['no to', { from: '2027-03-22' }, 'to'],
      ['a bad tz', { from: '2027-03-22', to: '2027-03-23', tz: 'Mars/Olympus' }, 'tz'],
    ])('refuses %s with 400 naming the field', async (_, query, field) => {
      const res = await slots(coordinator, '0b6f2d57-5c2e-4f57-8f0a-3d7c1e9b2a11', query).expect(
        400,
      );
      expect(fields(res)).toEqual([field]);
    });

    it('accepts exactly 60 days, across the autumn change', async () => {
      const th = await therapist();
      const res = await slots(th, th.id, {
        from: '2027-10-01',
        to: '2027-11-29',
        tz: 'Europe/London',
      }).expect(200);
      expect(res.body.slots).toHaveLength(42 * 15); // 42 weekdays, 15 slots each
    });
  });

  describe('the contract other modules use', () => {
    it('checkBookable names the broken rule, against the rules and busy time it is given', async () => {
      const th = await therapist();
      const [rules] = await t.app.get(PeopleService).therapistProfiles([th.id]);
      const taken: BusyInterval = {
        userId: th.id,
        id: 'session-2',
        startsAt: new Date('2027-03-23T09:50:00Z'),
        endsAt: new Date('2027-03-23T11:00:00Z'),
      };
      const check = (startsAt: string, options?: { ignoreBusyId?: string }) =>
        t.db.transaction((em: EntityManager) =>
          availability.checkBookable(
            rules,
            new Date(startsAt),
            [taken].filter((b) => b.id !== options?.ignoreBusyId),
            em,
          ),
        );
      await expect(check('2027-03-23T09:00:00Z')).resolves.toBeUndefined();
      await expect(check('2027-03-23T16:30:00Z')).rejects.toMatchObject({
        status: 422,
        code: 'outside-availability',
      });
      await expect(check('2027-03-23T09:15:00Z')).rejects.toMatchObject({
        status: 422,
        code: 'off-grid',
      });
      await expect(check('2027-03-02T09:00:00Z')).rejects.toMatchObject({
        status: 422,
        code: 'too-short-notice',
      });
      await expect(check('2027-03-23T10:00:00Z')).rejects.toMatchObject({
        status: 409,
        code: 'slot-taken',
      });
      await expect(
        check('2027-03-23T10:00:00Z', { ignoreBusyId: 'session-2' }),
      ).resolves.toBeUndefined();
    });

    it('freeSlots is set-based: the same statements for one day or sixty, one therapist or three', async () => {
      const therapists = [await therapist(), await therapist(), await therapist()];
      const ids = therapists.map((x) => x.id);
      const runner = t.db.createQueryRunner();
      const statements: string[] = [];
      const query = runner.query.bind(runner);
      runner.query = ((sql: string, ...rest: unknown[]) => {
        statements.push(sql);
        return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as typeof runner.query;
      const availabilityStatements = async (userIds: string[], days: number) => {
        statements.length = 0;
        busyCalls.length = 0;
        const from = new Date('2027-03-15T00:00:00Z');
        const to = new Date(from.getTime() + days * 86_400_000);
        const result = await availability.freeSlots(userIds, { from, to }, runner.manager);
        expect([...result.keys()]).toEqual(userIds);
        expect(busyCalls).toEqual([userIds]);
        return statements.filter((s) => /availability_/.test(s)).length;
      };
      try {
        // One statement reads the rules and the exceptions, whatever the people and the days.
        expect(await availabilityStatements(ids.slice(0, 1), 1)).toBe(1);
        expect(await availabilityStatements(ids, 60)).toBe(1);
        const all = await availability.freeSlots(ids, {
          from: new Date('2027-03-22T00:00:00Z'),
          to: new Date('2027-03-23T00:00:00Z'),
        });
        expect(ids.map((id) => all.get(id)?.length)).toEqual([15, 15, 15]);
      } finally {
        await runner.release();
      }
    });

    it('windows gives a buddy’s call windows as concrete UTC intervals', async () => {
      const buddy = await signUp(t, Role.Buddy);
      await t.http.put('/v1/me/profile').set(buddy.auth).send(buddyProfile()).expect(200);
      await putAvailability(buddy, {
        timezone: 'Europe/Athens',
        weekly: [{ weekday: 7, start: '18:00', end: '20:00' }],
      }).expect(200);
      const found = await availability.windows([buddy.id, coordinator.id], {
        from: new Date('2027-03-21T00:00:00Z'),
        to: new Date('2027-04-01T00:00:00Z'),
      });
      expect(found.get(coordinator.id)).toEqual([]);
      expect(found.get(buddy.id)?.map((w) => [w.start.toISOString(), w.end.toISOString()])).toEqual(
        [
          ['2027-03-21T16:00:00.000Z', '2027-03-21T18:00:00.000Z'],
          ['2027-03-28T15:00:00.000Z', '2027-03-28T17:00:00.000Z'],
        ],
      );
    });

    it('exports and erases a person’s availability (erasure is idempotent)', async () => {
      const user = await signUp(t, Role.Therapist);
      await putAvailability(user, { timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 }).expect(
        200,
      );
      await addException(user, { date: '2027-04-01', unavailable: true }).expect(201);
      const part = t.app
        .get(DataRights)
        .all()
        .find((p) => p.name === 'availability');
      expect(part).toBeDefined();
      const exported = await t.db.transaction((em) => part!.export(user.id, em));
      expect(exported).toMatchObject({ timezone: 'Europe/London', weekly: WEEKDAYS_9_TO_5 });
      expect((exported as { exceptions: unknown[] }).exceptions).toHaveLength(1);

      await t.db.transaction((em) => part!.erase(user.id, em));
      await t.db.transaction((em) => part!.erase(user.id, em));
      const rows = await t.db.query(
        `SELECT (SELECT count(*) FROM availability_rule WHERE user_id = $1)::int AS rules,
                (SELECT count(*) FROM availability_exception WHERE user_id = $1)::int AS exceptions`,
        [user.id],
      );
      expect(rows).toEqual([{ rules: 0, exceptions: 0 }]);
    });
  });
});
