import { Logger } from '@nestjs/common';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { WEB_ROOT } from '../src/app.module';
import { asBytes, createCoordinator, createTestApp, TestApp, TestUser, uniqueEmail } from './app';
import { closedPort } from './closed-port';

/**
 * Issue 21: every body-parser failure answers its documented problem (400, 413 or 415), on every
 * path, logged in one line without the body. Sent both through the e2e app (createTestApp, built
 * by main.ts's own factory, web root included) and through `node dist/src/main.js` itself.
 */
const root = join(__dirname, '..');
/** In every body, so a log line or answer that echoes the body is caught. */
const MARKER = `marker${randomBytes(6).toString('hex')}`;

interface BodyCase {
  name: string;
  body: () => Buffer;
  headers: Record<string, string>;
  status: number;
  type: string;
}

const json = { 'Content-Type': 'application/json' };
const CASES: BodyCase[] = [
  {
    name: 'malformed JSON',
    body: () => Buffer.from(`{"email":"${MARKER}`),
    headers: json,
    status: 400,
    type: '/problems/malformed-json',
  },
  {
    name: 'a bare JSON string',
    body: () => Buffer.from(`"${MARKER}"`),
    headers: json,
    status: 400,
    type: '/problems/malformed-json',
  },
  {
    name: 'JSON 5,000 levels deep',
    body: () => Buffer.from(`${'['.repeat(5000)}"${MARKER}"${']'.repeat(5000)}`),
    headers: json,
    status: 400,
    type: '/problems/body-too-deep',
  },
  {
    name: 'a body over 100 KB',
    body: () => Buffer.from(JSON.stringify({ email: MARKER, name: 'x'.repeat(120_000) })),
    headers: json,
    status: 413,
    type: '/problems/body-too-large',
  },
  {
    name: 'a form with too many fields',
    body: () => Buffer.from(Array.from({ length: 1100 }, (_, i) => `${MARKER}${i}=1`).join('&')),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    status: 413,
    type: '/problems/body-too-large',
  },
  {
    name: 'Content-Encoding: gzip',
    body: () => gzipSync(JSON.stringify({ email: MARKER })),
    headers: { ...json, 'Content-Encoding': 'gzip' },
    status: 415,
    type: '/problems/unsupported-encoding',
  },
  {
    name: 'an unknown charset',
    body: () => Buffer.from(JSON.stringify({ email: MARKER })),
    headers: { 'Content-Type': 'application/json; charset=klingon' },
    status: 415,
    type: '/problems/unsupported-charset',
  },
];

type Method = 'post' | 'put' | 'patch';
/** A public route, signed-in ones, one outside /v1 that ServeStatic also excludes, and the app's. */
const PATHS: Array<[Method, string]> = [
  ['post', '/v1/auth/login'],
  ['put', '/v1/me/profile'],
  ['patch', '/v1/concerns/00000000-0000-4000-8000-000000000000'],
  ['post', '/health'],
  ['post', '/sign-in'],
];

/**
 * Where each case is tried: login takes JSON only, and refuses any other body with 415
 * `unsupported-media-type` before parsing it (test/cross-site.e2e-spec.ts), so a form tries the rest.
 */
const pathsFor = (c: BodyCase): Array<[Method, string]> =>
  /json/.test(c.headers['Content-Type'] ?? '')
    ? PATHS
    : PATHS.filter(([, path]) => path !== '/v1/auth/login');

const send = (
  http: ReturnType<typeof request>,
  [method, path]: [Method, string],
  c: BodyCase,
  auth: Record<string, string> = {},
) => {
  let req = http[method](path).set(auth);
  for (const [k, v] of Object.entries(c.headers)) req = req.set(k, v);
  return req.serialize(asBytes).send(c.body());
};

const expectProblem = (res: request.Response, c: BodyCase, path: string) => {
  expect([path, res.status, res.body.type]).toEqual([path, c.status, c.type]);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.text).not.toContain(MARKER);
};

describe('body-parser failures through the e2e app (the web root served)', () => {
  let t: TestApp;
  let coordinator: TestUser;
  let warn: jest.SpyInstance;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
  });
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn');
  });
  afterEach(() => warn.mockRestore());
  afterAll(() => t.close());

  it('serves the built web app, as main.ts does', async () => {
    expect(WEB_ROOT).toBeDefined();
    const page = await t.http.get('/sign-in').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('<form');
  });

  it.each(CASES)('answers $name with $status $type on every path', async (c) => {
    for (const path of pathsFor(c)) {
      expectProblem(await send(t.http, path, c, coordinator.auth), c, path[1]);
    }
    // One line per refused request, with the problem and the path, and nothing of the body.
    const lines = warn.mock.calls.filter((args) => String(args[1]).includes('before routing'));
    expect(
      lines.map(([fields]) => [fields.req.url, fields.res.statusCode, fields.problem]),
    ).toEqual(pathsFor(c).map(([, path]) => [path, c.status, c.type]));
    expect(JSON.stringify(lines.map(([fields, message]) => [fields.req, message]))).not.toContain(
      MARKER,
    );
  });

  it('keeps nothing from a refused register', async () => {
    const email = uniqueEmail('refused');
    await t.http
      .post('/v1/auth/register')
      .set('Content-Type', 'application/json')
      .send(`{"email":"${email}","password":"a long enough passphrase","role":"volunteer"`)
      .expect(400);
    const rows = await t.db.query('SELECT 1 FROM account WHERE email = $1', [email]);
    expect(rows).toEqual([]);
  });
});

/** A line of the server's JSON log, as src/common/logging.ts serializes a request. */
interface RefusedLine {
  req: { path: string };
  res: { statusCode: number };
  problem: string;
}

describe('body-parser failures through `node dist/src/main.js`', () => {
  let server: ChildProcess;
  let http: ReturnType<typeof request>;
  let stdout = '';

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js')], {
      cwd: root,
      stdio: 'inherit',
    });
    const port = await closedPort();
    server = spawn(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
      cwd: root,
      env: { ...process.env, APP_ROLE: 'api', PORT: String(port), LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`main.js exited with ${code}`)));
      server.stdout?.on('data', () => {
        if (stdout.includes('Nest application successfully started')) resolve();
      });
    });
    http = request(`http://127.0.0.1:${port}`);
  }, 300_000);
  afterAll(() => {
    server?.kill();
  });

  /** The server's complete log lines about requests refused before routing, from `from` on. */
  const refusedSince = (from: number) =>
    stdout
      .slice(from, stdout.lastIndexOf('\n') + 1)
      .split('\n')
      .filter((line) => line.includes('before routing'))
      .map((line) => JSON.parse(line) as RefusedLine);

  it.each(CASES)('answers $name with $status $type, logged in one line', async (c) => {
    const from = stdout.length;
    for (const path of pathsFor(c)) expectProblem(await send(http, path, c), c, path[1]);
    // The lines may still be in the pipe: wait for as many as requests (or the test's timeout).
    await new Promise<void>((resolve) => {
      const check = () => {
        if (refusedSince(from).length < pathsFor(c).length) return;
        server.stdout?.off('data', check);
        resolve();
      };
      server.stdout?.on('data', check);
      check();
    });
    expect(refusedSince(from).map((l) => [l.req.path, l.res.statusCode, l.problem])).toEqual(
      pathsFor(c).map(([, path]) => [path, c.status, c.type]),
    );
    expect(stdout).not.toContain(MARKER);
  });
});
