import { gzipSync } from 'node:zlib';
import { Role } from '../src/common/auth.decorators';
import { PageQuery } from '../src/common/pagination';
import {
  createCoordinator,
  createTestApp,
  PASSWORD,
  signUp,
  TestApp,
  TestUser,
  uniqueEmail,
} from './app';
import { TestClock } from './clock';
import {
  buddyRequest,
  paired,
  verifiedBuddy,
  volunteer as withProfile,
} from './factories/checkins';
import { routeInputs } from './route-inputs';

const START = '2027-03-01T09:00:00Z';

/** Issue 12 item 1, one class of hostile input at a time: the status, the problem, nothing kept. */
describe('the input boundary', () => {
  const clock = new TestClock(START);
  let t: TestApp;
  let coordinator: TestUser;
  let volunteer: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    coordinator = await createCoordinator(t);
    volunteer = await signUp(t);
  });
  beforeEach(() => clock.set(START));
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n;
  const accounts = (email: string) => count('account WHERE email = $1', [email]);
  const concernsBy = (user: TestUser) => count('concern WHERE reporter_id = $1', [user.id]);
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) =>
    (body.errors ?? []).map((e) => e.field);
  /** The top-level fields an answer names, once each. */
  const topFields = (body: { errors?: Array<{ field: string }> }) => [
    ...new Set(fieldsOf(body).map((f) => f.split('.')[0])),
  ];
  const register = (overrides: Record<string, unknown>) => {
    const email = uniqueEmail('boundary');
    const body = {
      email,
      password: PASSWORD,
      role: 'volunteer',
      name: 'Sam',
      timezone: 'Europe/London',
    };
    return { email, res: t.http.post('/v1/auth/register').send({ ...body, ...overrides }) };
  };
  const concern = (extra: Record<string, unknown>) => ({
    subjectDescription: 'A volunteer at the warehouse',
    category: 'volunteer_behaviour',
    details: 'Shouted at a child',
    urgency: 'high',
    ...extra,
  });

  describe('text', () => {
    it.each([
      ['U+0000', 'Sam\u0000'],
      ['a bell', 'Sam\u0007'],
      ['an escape', '\u001b[31mSam'],
      ['a lone high surrogate', 'Sam\ud800'],
      ['a lone low surrogate', '\udc00Sam'],
    ])('refuses %s in a body field, naming it, and keeps nothing', async (_label, name) => {
      const { email, res } = register({ name });
      const answer = await res.expect(400);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(answer.body).toMatchObject({ type: '/problems/validation-failed', status: 400 });
      expect(fieldsOf(answer.body)).toEqual(['name']);
      expect(await accounts(email)).toBe(0);
    });

    it('names the path of a nested field, and accepts tab, newline and carriage return', async () => {
      const before = await concernsBy(volunteer);
      const nested = await t.http
        .put('/v1/me/availability')
        .set((await signUp(t, Role.Therapist)).auth)
        .send({
          timezone: 'Europe/London',
          weekly: [{ weekday: 1, start: '09:00\u0000', end: '10:00' }],
        })
        .expect(400);
      expect(fieldsOf(nested.body)).toEqual(['weekly.0.start']);
      await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ details: 'Line one\r\n\tline two' }))
        .expect(201);
      expect(await concernsBy(volunteer)).toBe(before + 1);
    });

    it('refuses control characters in query strings and route parameters', async () => {
      const query = await t.http.get('/v1/audit?target=a%00b').set(coordinator.auth).expect(400);
      expect(query.body.type).toBe('/problems/validation-failed');
      expect(fieldsOf(query.body)).toEqual(['target']);
      const param = await t.http.get('/v1/concerns/a%01b').set(coordinator.auth).expect(400);
      expect(fieldsOf(param.body)).toEqual(['id']);
    });

    it('refuses a whitespace-only name and keeps names in NFC', async () => {
      const blank = register({ name: ' \t ' });
      expect(fieldsOf((await blank.res.expect(400)).body)).toEqual(['name']);
      expect(await accounts(blank.email)).toBe(0);

      const decomposed = register({ name: '  Jose\u0301 ' });
      await decomposed.res.expect(202);
      const [row] = await t.db.query<Array<{ name: string }>>(
        'SELECT name FROM account WHERE email = $1',
        [decomposed.email],
      );
      expect(row.name).toBe('Jos\u00e9');
    });
  });

  describe('bodies', () => {
    const post = (body: Buffer | string, headers: Record<string, string> = {}) => {
      const email = uniqueEmail('raw');
      let req = t.http.post('/v1/auth/register').set('Content-Type', 'application/json');
      for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
      return {
        email,
        res: req.send(typeof body === 'string' ? body.replace('EMAIL', email) : body),
      };
    };
    const valid = `{"email":"EMAIL","password":"${PASSWORD}","role":"volunteer","name":"Sam","timezone":"Europe/London"}`;

    it('refuses a compressed body with 415, gzip or not', async () => {
      const fake = post(valid, { 'Content-Encoding': 'gzip' });
      expect((await fake.res.expect(415)).body.type).toBe('/problems/unsupported-encoding');
      expect(await accounts(fake.email)).toBe(0);
      const email = uniqueEmail('gz');
      const real = await t.http
        .post('/v1/auth/register')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', 'gzip')
        .send(gzipSync(valid.replace('EMAIL', email)))
        .expect(415);
      expect(real.body.type).toBe('/problems/unsupported-encoding');
      expect(await accounts(email)).toBe(0);
    });

    it('refuses JSON nested deeper than 32 levels with 400, however deep', async () => {
      for (const depth of [33, 5_000, 40_000]) {
        const body = `{"email":"EMAIL","name":${'['.repeat(depth)}${']'.repeat(depth)}}`;
        const deep = post(body);
        expect((await deep.res.expect(400)).body.type).toBe('/problems/body-too-deep');
      }
      // Brackets inside strings are text, not nesting.
      const text = post(valid.replace('"Sam"', `"${'['.repeat(40)}"`));
      await text.res.expect(202);
    });

    it('maps each body-parser failure to its own 4xx problem', async () => {
      const cases: Array<[Buffer | string, Record<string, string>, number, string]> = [
        ['{"email":', {}, 400, '/problems/malformed-json'],
        [
          valid,
          { 'Content-Type': 'application/json; charset=latin1' },
          415,
          '/problems/unsupported-charset',
        ],
        [`{"name":"${'x'.repeat(200_000)}"}`, {}, 413, '/problems/body-too-large'],
      ];
      for (const [body, headers, status, type] of cases) {
        const res = await post(body, headers).res.expect(status);
        expect(res.body.type).toBe(type);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });
  });

  describe('cursors', () => {
    const forged = [
      Buffer.from('2027-01-01T00:00:00.000Z|------------------------------------').toString(
        'base64url',
      ),
      Buffer.from('+275760-09-13T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString(
        'base64url',
      ),
      Buffer.from('0000-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString(
        'base64url',
      ),
      Buffer.from('2027-02-30T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString(
        'base64url',
      ),
      Buffer.from('2027-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000|x').toString(
        'base64url',
      ),
      `${Buffer.from('2027-01-01T00:00:00.000Z|00000000-0000-4000-8000-000000000000').toString('base64url')}==`,
      'not a cursor',
    ];

    it('answers 400 /problems/bad-cursor on every paginated list', async () => {
      const users: Record<string, TestUser> = {
        [Role.Coordinator]: coordinator,
        [Role.Volunteer]: volunteer,
        [Role.Therapist]: await signUp(t, Role.Therapist),
        [Role.Buddy]: await signUp(t, Role.Buddy),
      };
      const lists = routeInputs(t.app).filter(
        (r) =>
          r.method === 'get' &&
          r.query &&
          (r.query === PageQuery || r.query.prototype instanceof PageQuery),
      );
      expect(lists.map((r) => r.path)).toContain('/v1/me/buddy-requests');
      expect(lists).toHaveLength(10);
      for (const list of lists) {
        const user =
          users[list.roles.includes(Role.Coordinator) ? Role.Coordinator : list.roles[0]];
        for (const cursor of forged) {
          const res = await t.http
            .get(`${list.path}?cursor=${encodeURIComponent(cursor)}`)
            .set(user.auth);
          expect([list.path, res.status, res.body.type]).toEqual([
            list.path,
            400,
            '/problems/bad-cursor',
          ]);
        }
      }
    });

    it("answers a volunteer's open buddy request as a page, as every list does", async () => {
      const v = await withProfile(t);
      const { id } = await buddyRequest(t, v);
      const page = (query: string) =>
        t.http.get(`/v1/me/buddy-requests?${query}`).set(v.auth).expect(200);
      const first = (await page('limit=1')).body as {
        items: Array<{ id: string }>;
        nextCursor: string | null;
      };
      // One open request at most (buddy_request_one_open), so no page follows it.
      expect(first.items.map((r) => r.id)).toEqual([id]);
      expect(first.nextCursor).toBeNull();
    });
  });

  describe('dates and instants', () => {
    it.each([
      ['an ISO week date', '2026-W49-1T10:00:00Z'],
      ['an offset past 14 hours', '2027-02-01T10:00:00+99:00'],
      ['an offset of 14:01', '2027-02-01T10:00:00+14:01'],
      ['no offset', '2027-02-01T10:00:00'],
      ['year 0000', '0000-01-01T00:00:00Z'],
      ['year 9999', '9999-12-31T23:59:59Z'],
      ['30 February', '2027-02-30T10:00:00Z'],
    ])('refuses %s in occurredAt, and the concern is not kept', async (_label, occurredAt) => {
      const before = await concernsBy(volunteer);
      const res = await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ occurredAt }))
        .expect(400);
      expect(res.body.type).toBe('/problems/validation-failed');
      expect(fieldsOf(res.body)).toEqual(['occurredAt']);
      expect(await concernsBy(volunteer)).toBe(before);
    });

    it('accepts offsets of exactly ±14:00', async () => {
      for (const occurredAt of ['2027-02-01T10:00:00+14:00', '2027-02-01T10:00:00-14:00']) {
        await t.http
          .post('/v1/concerns')
          .set(volunteer.auth)
          .send(concern({ occurredAt }))
          .expect(201);
      }
    });

    it.each([
      '0000-01-01T00:00:00Z',
      '9999-12-31T00:00:00Z',
      '2026-W49-1',
      '2027-01-01T00:00:00+99:00',
    ])('refuses %s as an audit or check-in range bound', async (value) => {
      const audit = await t.http
        .get(`/v1/audit?from=${encodeURIComponent(value)}`)
        .set(coordinator.auth)
        .expect(400);
      expect(fieldsOf(audit.body)).toEqual(['from']);
      const calls = await t.http
        .get(`/v1/check-ins?to=${encodeURIComponent(value)}`)
        .set(volunteer.auth)
        .expect(400);
      expect(fieldsOf(calls.body)).toEqual(['to']);
    });

    it('refuses a concern that happened in the future: 422 /problems/out-of-range', async () => {
      const before = await concernsBy(volunteer);
      const res = await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ occurredAt: '2027-03-01T10:00:00Z' }))
        .expect(422);
      expect(res.body).toMatchObject({
        type: '/problems/out-of-range',
        errors: [{ field: 'occurredAt' }],
      });
      expect(await concernsBy(volunteer)).toBe(before);
      // Five minutes of clock skew are allowed; 1900 is the earliest a fact may be.
      await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ occurredAt: '2027-03-01T09:04:00Z' }))
        .expect(201);
      await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ occurredAt: '1899-12-31T23:00:00Z' }))
        .expect(400);
    });

    it('refuses deployments from before 1900 or more than two years ahead', async () => {
      const profile = (startsOn: string, endsOn: string) => ({
        timezone: 'Europe/London',
        languages: ['en'],
        deployments: [{ location: 'Calais', country: 'FR', startsOn, endsOn }],
      });
      const user = await signUp(t);
      const deployments = () => count('volunteer_deployment WHERE volunteer_id = $1', [user.id]);
      const far = await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send(profile('2027-01-01', '9999-12-31'))
        .expect(400);
      expect(fieldsOf(far.body)).toEqual(['deployments.0.endsOn']);
      const late = await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send(profile('2027-01-01', '2029-06-01'))
        .expect(422);
      expect(late.body).toMatchObject({
        type: '/problems/out-of-range',
        errors: [{ field: 'deployments.0.endsOn' }],
      });
      const old = await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send(profile('0000-01-01', '2027-01-01'))
        .expect(400);
      expect(fieldsOf(old.body)).toEqual(['deployments.0.startsOn']);
      expect(await deployments()).toBe(0);
      await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send(profile('2027-02-01', '2027-06-01'))
        .expect(200);
      expect(await deployments()).toBe(1);
    });

    it('refuses a DBS issue date of year 0000 or 9999', async () => {
      const buddy = await signUp(t, Role.Buddy);
      for (const issuedOn of ['0000-01-01', '9999-01-01', '2026-W49-1']) {
        const res = await t.http
          .put('/v1/me/profile')
          .set(buddy.auth)
          .send({
            kind: 'humanitarian',
            languages: ['en'],
            dbs: {
              level: 'enhanced',
              certificateNumber: '001234567890',
              issuedOn,
              updateService: true,
            },
          })
          .expect(400);
        expect(fieldsOf(res.body)).toEqual(['dbs.issuedOn']);
      }
      expect(await count('buddy_profile WHERE account_id = $1', [buddy.id])).toBe(0);
    });

    it('keeps scheduled things between now and two years ahead', async () => {
      const buddy = await verifiedBuddy(t, coordinator);
      const { volunteer: v, pairing } = await paired(t, buddy);
      const [call] = (
        await t.http
          .get('/v1/check-ins?from=2027-03-01T00:00:00Z&to=2027-03-20T00:00:00Z')
          .set(v.auth)
          .expect(200)
      ).body.items as Array<{ id: string }>;
      const startsOf = async () =>
        (
          await t.db.query<Array<{ s: Date }>>('SELECT starts_at AS s FROM checkin WHERE id = $1', [
            call.id,
          ])
        )[0].s.toISOString();
      const before = await startsOf();
      for (const startsAt of [
        '9999-12-31T18:00:00Z',
        '2029-03-02T18:00:00Z',
        '2027-02-28T18:00:00Z',
      ]) {
        const res = await t.http
          .post(`/v1/check-ins/${call.id}/reschedule`)
          .set(v.auth)
          .send({ startsAt });
        expect([startsAt, res.status]).toEqual([startsAt, startsAt.startsWith('9999') ? 400 : 422]);
      }
      expect(await startsOf()).toBe(before);

      for (const endsOn of ['9999-12-31', '2029-06-01']) {
        const res = await t.http
          .post(`/v1/pairings/${pairing.id}/plan`)
          .set(v.auth)
          .send({ cadence: 'weekly', weekday: 6, localTime: '18:00', endsOn });
        expect([endsOn, res.status]).toEqual([endsOn, endsOn.startsWith('9999') ? 400 : 422]);
      }
      const [row] = await t.db.query<Array<{ ends_on: string }>>(
        `SELECT to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM pairing WHERE id = $1`,
        [pairing.id],
      );
      expect(row.ends_on).toBe(pairing.endsOn);

      const exceptions = () => count('availability_exception WHERE user_id = $1', [buddy.id]);
      const before2 = await exceptions();
      for (const date of ['2029-06-01', '2027-02-01']) {
        const res = await t.http
          .post('/v1/me/availability/exceptions')
          .set(buddy.auth)
          .send({ date, unavailable: true })
          .expect(422);
        expect(res.body).toMatchObject({
          type: '/problems/out-of-range',
          errors: [{ field: 'date' }],
        });
      }
      expect(await exceptions()).toBe(before2);
    });
  });

  describe('inputs that crashed with 500 (issue 21)', () => {
    it('refuses a buddy profile without a DBS certificate, naming dbs, and keeps nothing', async () => {
      const buddy = await signUp(t, Role.Buddy);
      for (const dbs of [undefined, null, 'enhanced', []]) {
        const res = await t.http
          .put('/v1/me/profile')
          .set(buddy.auth)
          .send({ kind: 'humanitarian', languages: ['en'], dbs })
          .expect(400);
        expect([dbs, res.body.type, topFields(res.body)]).toEqual([
          dbs,
          '/problems/validation-failed',
          ['dbs'],
        ]);
      }
      expect(await count('buddy_profile WHERE account_id = $1', [buddy.id])).toBe(0);
    });

    it('refuses call windows that are not objects, naming callWindows, and keeps nothing', async () => {
      const v = await withProfile(t);
      const requests = () => count('buddy_request WHERE volunteer_id = $1', [v.id]);
      for (const callWindows of [[[]], [null], ['18:00'], [[{ weekday: 1 }]]]) {
        const res = await t.http
          .post('/v1/buddy-requests')
          .set(v.auth)
          .send({ channel: 'phone', callWindows })
          .expect(400);
        expect([callWindows, topFields(res.body)]).toEqual([callWindows, ['callWindows']]);
      }
      expect(await requests()).toBe(0);
    });

    it('refuses a triage note or status of null, naming it, and changes nothing', async () => {
      const raised = await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({}))
        .expect(201);
      const id = raised.body.id as string;
      const entries = () => count('concern_entry WHERE concern_id = $1', [id]);
      const before = await entries();
      for (const [field, body] of [
        ['note', { note: null }],
        ['status', { status: null, reason: 'seen' }],
      ] as const) {
        const res = await t.http
          .patch(`/v1/concerns/${id}`)
          .set(coordinator.auth)
          .send(body)
          .expect(400);
        expect(fieldsOf(res.body)).toContain(field);
      }
      expect(await entries()).toBe(before);
      const [row] = await t.db.query<Array<{ status: string }>>(
        'SELECT status FROM concern WHERE id = $1',
        [id],
      );
      expect(row.status).toBe('open');
    });
  });

  describe('safeguarding reports', () => {
    it('refuses subjectDescription: null with 400 naming the field, and keeps nothing', async () => {
      const before = await concernsBy(volunteer);
      const res = await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ subjectDescription: null }))
        .expect(400);
      expect(fieldsOf(res.body)).toContain('subjectDescription');
      const both = await t.http
        .post('/v1/concerns')
        .set(volunteer.auth)
        .send(concern({ subjectDescription: undefined, subjectUserId: null }))
        .expect(400);
      expect(fieldsOf(both.body)).toEqual(['subjectUserId', 'subjectDescription']);
      expect(await concernsBy(volunteer)).toBe(before);
    });
  });
});
