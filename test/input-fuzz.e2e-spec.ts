import fc from 'fast-check';
import { Role } from '../src/common/auth.decorators';
import {
  asBytes,
  createCoordinator,
  createTestApp,
  signUp,
  TestApp,
  testIp,
  TestUser,
} from './app';
import { dtoFields, RouteInput, routeInputs } from './route-inputs';

interface GeneratedRequest {
  params: string[];
  query: Record<string, string | undefined>;
  body: { json: unknown } | { raw: Buffer; encoding: string };
  /** Picks which of the route's roles signs the request. */
  as: number;
}

/**
 * Issue 12: no client input may produce a 5xx. Generated hostile requests (control characters,
 * broken surrogates, odd unicode, impossible dates and offsets, deep nesting, forged cursors,
 * random JSON and raw bytes) go to every route the application registers, through the real HTTP
 * stack, signed in as a role the route admits. The count is printed for the release note.
 */
describe('generated hostile input', () => {
  let t: TestApp;
  let routes: RouteInput[];
  const users = new Map<Role, TestUser>();
  let sent = 0;
  const statuses = new Map<number, number>();

  beforeAll(async () => {
    t = await createTestApp();
    routes = routeInputs(t.app);
    users.set(Role.Volunteer, await signUp(t));
    users.set(Role.Therapist, await signUp(t, Role.Therapist));
    users.set(Role.Buddy, await signUp(t, Role.Buddy));
    users.set(Role.Coordinator, await createCoordinator(t));
  });
  afterAll(async () => {
    const tally = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
    console.log(`input fuzz: ${sent} generated hostile requests; statuses ${tally.join(' ')}`);
    await t.close();
  });

  const controls = fc.constantFrom('\u0000', '\u0001', '\u0007', '\u000b', '\u001b', '\u001f');
  const surrogates = fc.constantFrom('\ud800', '\udfff', '\udbff\u0041', '\u0041\udc00');
  const oddUnicode = fc.constantFrom(
    '\u202e',
    '\ufeff',
    '\u200b',
    'e\u0301',
    '\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67',
    '\uffff',
    '\u0085',
    '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
    "'; DROP TABLE account; --",
    '%00',
    '\\u0000',
  );
  const hostileString = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc
      .tuple(fc.string({ maxLength: 10 }), fc.oneof(controls, surrogates, oddUnicode))
      .map(([a, b]) => `${a}${b}${a}`),
    fc.constantFrom('', ' ', '\t', '\n\r', '   \u00a0  '),
    fc.string({ minLength: 2000, maxLength: 12_000 }).map((s) => s.slice(0, 12_000)),
  );
  const year = fc.oneof(
    fc.constantFrom('0000', '0001', '1899', '1900', '1970', '2026', '2027', '2999', '3000', '9999'),
    fc.integer({ min: 0, max: 9999 }).map((y) => String(y).padStart(4, '0')),
  );
  const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const offset = fc.oneof(
    fc.constantFrom('Z', '+00:00', '-00:00', '+14:00', '-14:00', '+14:01', '+99:00', '-12:60', ''),
    fc.tuple(fc.constantFrom('+', '-'), twoDigits, twoDigits).map(([s, h, m]) => `${s}${h}:${m}`),
  );
  const localDate = fc.tuple(year, twoDigits, twoDigits).map(([y, m, d]) => `${y}-${m}-${d}`);
  const dateLike = fc.oneof(
    localDate,
    fc.constantFrom(
      '2026-W49-1',
      '2026-335',
      '20261201',
      '2026-02-29',
      '2028-02-29',
      '+002026-01-01',
    ),
  );
  const instantLike = fc.oneof(
    fc
      .tuple(localDate, twoDigits, twoDigits, twoDigits, offset)
      .map(([d, h, m, s, o]) => `${d}T${h}:${m}:${s}${o}`),
    fc.constantFrom(
      '2026-W49-1T10:00:00Z',
      '2027-03-01T09:00:00.123456789+01:00',
      '2027-03-01 09:00:00Z',
      '2027-03-01T09:00:00z',
      '2027-03-01T24:00:00Z',
      'now',
    ),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const uuidLike = fc.oneof(
    fc.uuid(),
    fc.constant('------------------------------------'),
    fc.constant('00000000-0000-0000-0000-000000000000'),
    fc.string({ unit: fc.constantFrom(...'0123456789abcdef-'), minLength: 36, maxLength: 36 }),
  );
  const cursor = fc.oneof(
    fc
      .tuple(fc.oneof(instantLike, hostileString), fc.oneof(uuidLike, hostileString))
      .map(([at, id]) => Buffer.from(`${at}|${id}`).toString('base64url')),
    fc.base64String({ maxLength: 200 }),
    hostileString,
  );
  const scalar = fc.oneof(
    hostileString,
    dateLike,
    instantLike,
    uuidLike,
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, true, false, null),
  );
  const deep = (depth: number) =>
    Array.from({ length: depth }).reduce<unknown>((inner) => ({ a: [inner] }), 'x');
  const value = fc.oneof(
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
    {
      weight: 1,
      arbitrary: fc.array(fc.dictionary(fc.string({ maxLength: 12 }), scalar), { maxLength: 3 }),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 40 }).map(deep) },
  );
  const forField = (field: string) => {
    if (field === 'cursor') return cursor;
    if (/(At|notBefore|notAfter|^from|^to)$/.test(field)) return fc.oneof(instantLike, value);
    if (/(On|date)$/.test(field)) return fc.oneof(dateLike, value);
    if (/(Id|^id)$/.test(field)) return fc.oneof(uuidLike, value);
    return value;
  };
  const objectFor = (fields: string[]) =>
    fields.length === 0
      ? fc.dictionary(fc.string({ maxLength: 12 }), scalar, { maxKeys: 3 })
      : fc.record(Object.fromEntries(fields.map((f) => [f, forField(f)])), { requiredKeys: [] });
  const rawBody = fc.oneof(
    fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    fc.integer({ min: 33, max: 5000 }).map((n) => Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`)),
    fc.constantFrom(
      Buffer.from('{"a":'),
      Buffer.from('\u0000'),
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
      Buffer.from('{"name":"\\u0000"}'),
      Buffer.from('{"name":"\\ud800"}'),
    ),
  );
  const pathParam = fc.oneof(
    uuidLike,
    hostileString.filter((s) => s.length > 0),
  );
  /** Every UTF-8 byte percent-encoded (lone surrogates arrive as U+FFFD, as from a browser). */
  const percentEncoded = (v: string) =>
    [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  /** Percent-encoded text, or raw bytes that need not be UTF-8 at all. */
  const queryValue = (field: string) =>
    fc.oneof(
      forField(field).map((v) =>
        percentEncoded(typeof v === 'string' ? v : (JSON.stringify(v) ?? '')),
      ),
      fc
        .uint8Array({ maxLength: 20 })
        .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join('')),
    );

  const request = (route: RouteInput): fc.Arbitrary<GeneratedRequest> =>
    fc.record({
      params: fc.tuple(...route.params.map(() => pathParam)),
      query: fc.record(
        Object.fromEntries(
          [...dtoFields(route.query), 'cursor', 'limit'].map((f) => [f, queryValue(f)]),
        ),
        { requiredKeys: [] },
      ),
      body: fc.oneof(
        { weight: 5, arbitrary: objectFor(dtoFields(route.body)).map((b) => ({ json: b })) },
        { weight: 1, arbitrary: value.map((b) => ({ json: b })) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(rawBody, fc.constantFrom('gzip', 'br', 'identity', 'x', ''))
            .map(([raw, encoding]) => ({ raw, encoding })),
        },
      ),
      as: fc.integer({ min: 0, max: 3 }),
    });

  const send = async (route: RouteInput, input: GeneratedRequest) => {
    const path = route.params.reduce(
      (p, name, i) => p.replace(`:${name}`, percentEncoded(input.params[i])),
      route.path,
    );
    const query = Object.entries(input.query)
      .map(([k, v]) => `${k}=${v}`)
      .join('&');
    const url = query ? `${path}?${query}` : path;
    let req = t.http[route.method](url).set('X-Forwarded-For', testIp()).timeout(20_000);
    const role = route.roles[input.as % Math.max(route.roles.length, 1)];
    const user = role ? users.get(role) : undefined;
    if (user) req = req.set(user.auth);
    if (route.method !== 'get' && route.method !== 'delete') {
      if ('json' in input.body) {
        req = req
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(input.body.json) ?? 'null');
      } else {
        req = req.set('Content-Type', 'application/json');
        if (input.body.encoding) req = req.set('Content-Encoding', input.body.encoding);
        req = req.serialize(asBytes).send(input.body.raw);
      }
    }
    const res = await req;
    sent++;
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    return res;
  };

  it('answers every generated request to every route without a 5xx', async () => {
    // Erasure reads no input, and would end the accounts the rest of the run signs in with.
    const targets = routes.filter((r) => r.path !== '/v1/me/erasure');
    expect(targets.length).toBeGreaterThan(30);
    const arbitrary = fc
      .integer({ min: 0, max: targets.length - 1 })
      .chain((i) => request(targets[i]).map((input) => ({ route: targets[i], input })));
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ route, input }) => {
        const res = await send(route, input);
        if (res.status >= 500) {
          throw new Error(
            `${route.method.toUpperCase()} ${route.path} -> ${res.status} ${JSON.stringify(res.body)}`,
          );
        }
        // 431 (an over-long URL) comes from Node's HTTP parser, before the application.
        if (res.status >= 400 && res.status !== 431) {
          expect(res.headers['content-type']).toMatch(/problem\+json/);
        }
      }),
      { numRuns: 1500, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(1500);
  }, 300_000);

  /** A body body-parser must refuse before any route sees it, and the problem it must get. */
  interface RefusedBody {
    raw: Buffer;
    headers: Record<string, string>;
    status: number;
    type: string;
  }
  const json = { 'Content-Type': 'application/json' };
  const refusedBody: fc.Arbitrary<RefusedBody> = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }).map((v) => ({
      raw: Buffer.from(`{"a":${JSON.stringify(v)}`), // never closed
      headers: json,
      status: 400,
      type: '/problems/malformed-json',
    })),
    fc
      .oneof(fc.string({ maxLength: 40 }), fc.double(), fc.boolean(), fc.constant(null))
      .map((v) => ({
        raw: Buffer.from(JSON.stringify(v)), // JSON, but not an object or array
        headers: json,
        status: 400,
        type: '/problems/malformed-json',
      })),
    fc.integer({ min: 33, max: 20_000 }).map((n) => ({
      raw: Buffer.from(`${'['.repeat(n)}${']'.repeat(n)}`),
      headers: json,
      status: 400,
      type: '/problems/body-too-deep',
    })),
    fc.integer({ min: 100 * 1024 + 1, max: 400_000 }).map((n) => ({
      raw: Buffer.from(`{"a":"${'x'.repeat(n)}"}`),
      headers: json,
      status: 413,
      type: '/problems/body-too-large',
    })),
    fc
      .tuple(
        fc.constantFrom('gzip', 'br', 'deflate', 'compress', 'x-gzip', 'zstd'),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(([encoding, v]) => ({
        raw: Buffer.from(JSON.stringify({ a: v })),
        headers: { ...json, 'Content-Encoding': encoding },
        status: 415,
        type: '/problems/unsupported-encoding',
      })),
    fc.constantFrom('latin1', 'iso-8859-1', 'us-ascii', 'windows-1252', 'klingon').map((c) => ({
      raw: Buffer.from('{}'),
      headers: { 'Content-Type': `application/json; charset=${c}` },
      status: 415,
      type: '/problems/unsupported-charset',
    })),
  );

  it('answers each generated malformed, oversized or encoded body with its problem, on every route', async () => {
    // Through the same stack as main.ts (web root included), where they once all answered 404.
    const targets = routes.filter((r) => r.path !== '/v1/me/erasure');
    const arbitrary = fc.record({ route: fc.constantFrom(...targets), body: refusedBody });
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ route, body }) => {
        const path = route.params.reduce(
          (p, name) => p.replace(`:${name}`, '00000000-0000-4000-8000-000000000000'),
          route.path,
        );
        let req = t.http[route.method](path).set(users.get(Role.Coordinator)?.auth ?? {});
        for (const [k, v] of Object.entries(body.headers)) req = req.set(k, v);
        const res = await req.serialize(asBytes).send(body.raw);
        sent++;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect([route.method, route.path, res.status, res.body.type]).toEqual([
          route.method,
          route.path,
          body.status,
          body.type,
        ]);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 400, endOnFailure: true },
    );
  }, 300_000);
});
