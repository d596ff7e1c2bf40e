import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { closedPort } from './closed-port';
import { createTestApp, TestApp, uniqueEmail } from './app';
import { answers, startMain } from './main-process';

/**
 * The compiled entry points as an operator runs them: `node dist/src/main.js` and the CLI, as
 * child processes with an environment of their own. dist/ is built first when it is missing or
 * older than the sources (CI has just built it; a developer's may be stale).
 */
const root = join(__dirname, '..');
const BUILD_TIMEOUT_MS = 300_000;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv, input?: string) {
  return new Promise<Outcome>((resolve) => {
    const child = execFile(
      process.execPath,
      [join(root, 'dist', 'src', script), ...args],
      { cwd: root, env, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : -1) : 0,
          stdout,
          stderr,
        }),
    );
    child.stdin?.end(input ?? '');
  });
}

const lines = (text: string) => text.trim().split('\n').filter(Boolean);

const key = () => randomBytes(32).toString('base64');
const productionEnv = (overrides: Record<string, string | undefined>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CONSENT_EVIDENCE_SECRET: randomBytes(32).toString('hex'),
    LINK_SECRET: randomBytes(32).toString('hex'),
    CONCERN_KEYS: `k1:${key()}`,
    CONCERN_ACTIVE_KEY_ID: 'k1',
    ...overrides,
  };
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
  return env;
};

beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js')], {
    cwd: root,
    stdio: 'inherit',
  });
}, BUILD_TIMEOUT_MS);

describe('boot refuses a bad environment with one line and exit 1', () => {
  // One case per kind of refusal; src/boot.spec.ts covers every secret and rule in-process.
  it.each([
    ['JWT_SECRET', 'missing', undefined],
    ['CONSENT_EVIDENCE_SECRET', 'the dev default', 'dev-only-consent-evidence-secret-change-me'],
    ['CONCERN_KEYS', 'the dev key', 'dev1:aanT4+ALggpFCMPCDosqt5FZ6DhvbWZiNFDpvHcAb2c='],
  ])('production with %s %s', async (name, _why, value) => {
    const overrides: Record<string, string | undefined> = { [name]: value };
    if (name === 'CONCERN_KEYS' && value) overrides.CONCERN_ACTIVE_KEY_ID = 'dev1';
    const { code, stderr } = await run('main.js', [], productionEnv(overrides));
    expect(code).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain(name);
  });

  it.each(['Production', 'prod', 'staging'])(
    'NODE_ENV=%s without secrets is production: refused, naming the secrets',
    async (nodeEnv) => {
      const { code, stderr } = await run(
        'main.js',
        [],
        productionEnv({
          NODE_ENV: nodeEnv,
          JWT_SECRET: undefined,
          CONSENT_EVIDENCE_SECRET: undefined,
          LINK_SECRET: undefined,
          CONCERN_KEYS: undefined,
          CONCERN_ACTIVE_KEY_ID: undefined,
        }),
      );
      expect(code).toBe(1);
      expect(lines(stderr)).toHaveLength(1);
      for (const name of ['JWT_SECRET', 'CONSENT_EVIDENCE_SECRET', 'LINK_SECRET', 'CONCERN_KEYS']) {
        expect(stderr).toContain(`${name} must be set in production`);
      }
    },
  );

  const shared = randomBytes(32).toString('base64');
  it.each([
    [
      'the dev JWT_SECRET in upper case',
      'JWT_SECRET',
      { JWT_SECRET: 'DEV-ONLY-SECRET-CHANGE-ME-DEV-ONLY-SECRET' },
    ],
    [
      'the dev LINK_SECRET with a trailing space',
      'LINK_SECRET',
      { LINK_SECRET: 'dev-only-link-secret-change-me-dev-only-link ' },
    ],
    ['32 × a', 'JWT_SECRET', { JWT_SECRET: 'a'.repeat(32) }],
    [
      'one value for two secrets',
      'LINK_SECRET must differ from JWT_SECRET',
      { JWT_SECRET: shared, LINK_SECRET: shared },
    ],
  ])('production with %s: refused, without printing it', async (_why, named, overrides) => {
    const { code, stderr } = await run('main.js', [], productionEnv(overrides));
    expect(code).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain(named);
    for (const value of Object.values(overrides)) expect(stderr).not.toContain(value.trim());
  });

  it('an unreachable DATABASE_URL: names the variable and host, masks the password', async () => {
    const port = await closedPort();
    const { code, stderr } = await run('main.js', [], {
      ...process.env,
      LOG_LEVEL: 'silent',
      DATABASE_URL: `postgres://vws:hunter2-do-not-print@127.0.0.1:${port}/vws`,
    });
    expect(code).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain('DATABASE_URL');
    expect(stderr).toContain(`127.0.0.1:${port}`);
    expect(stderr).not.toContain('hunter2');
  });

  it('a malformed DATABASE_URL', async () => {
    const { code, stderr } = await run('main.js', [], {
      ...process.env,
      DATABASE_URL: 'localhost/vws',
    });
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([expect.stringContaining('DATABASE_URL')]);
  });

  it('an unreachable REDIS_URL: names the variable and host', async () => {
    const port = await closedPort();
    const { code, stderr } = await run('main.js', [], {
      ...process.env,
      LOG_LEVEL: 'silent',
      REDIS_URL: `redis://:hunter2-do-not-print@127.0.0.1:${port}`,
    });
    expect(code).toBe(1);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain('REDIS_URL');
    expect(stderr).toContain(`127.0.0.1:${port}`);
    expect(stderr).not.toContain('hunter2');
  });
});

describe('an unset NODE_ENV', () => {
  it('runs as development on the dev defaults, and says so on stderr at boot', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      APP_ROLE: 'api',
      PORT: String(await closedPort()),
    };
    for (const name of ['NODE_ENV', 'JWT_SECRET', 'CONSENT_EVIDENCE_SECRET', 'LINK_SECRET'])
      delete env[name];
    const main = startMain(env);
    try {
      await main.until(() => answers(`http://127.0.0.1:${env.PORT}/health`, 200));
      expect(lines(main.stderr())).toEqual([
        expect.stringMatching(
          /^WARNING: NODE_ENV is not set.*dev-only secrets.*not for production/,
        ),
      ]);
    } finally {
      await main.stop();
    }
  });
});

describe('operator CLI: coordinator:create', () => {
  let t: TestApp;
  const env = { ...process.env, LOG_LEVEL: 'silent' };
  const password = 'a long enough passphrase';
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const accounts = (email: string) =>
    t.db.query<{ role: string }[]>('SELECT role FROM account WHERE email = $1', [email]);

  it('creates a coordinator from a password on stdin, who can then log in', async () => {
    const email = uniqueEmail('cli');
    const { code, stdout, stderr } = await run(
      'cli.js',
      ['coordinator:create', '--email', email, '--name', 'Operator', '--timezone', 'Europe/Athens'],
      env,
      `${password}\n`,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^Coordinator created: [0-9a-f-]{36}$/m);
    expect(await accounts(email)).toEqual([{ role: 'coordinator' }]);
    const login = await t.http.post('/v1/auth/login').send({ email, password }).expect(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    await t.http
      .get('/v1/audit')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .expect(200);
  });

  it('still takes --password for scripts, with a warning on stderr', async () => {
    const email = uniqueEmail('cli');
    const { code, stderr } = await run(
      'cli.js',
      ['coordinator:create', '--email', email, '--name', 'Operator', '--password', password],
      env,
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: --password/);
    expect(await accounts(email)).toEqual([{ role: 'coordinator' }]);
  });

  it.each([
    ['email', ['--email', 'not-an-email', '--name', 'Operator'], password],
    ['timezone', ['--email', '@', '--name', 'Operator', '--timezone', 'Mars/Olympus'], password],
    ['password', ['--email', '@', '--name', 'Operator'], 'short'],
  ])('refuses an invalid %s with one clear line and creates nothing', async (field, args, pw) => {
    const email = uniqueEmail('cli');
    const argv = args.map((a) => (a === '@' ? email : a));
    const { code, stdout, stderr } = await run('cli.js', ['coordinator:create', ...argv], env, pw);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(lines(stderr)).toEqual([expect.stringContaining(field)]);
    expect(await accounts(argv[argv.indexOf('--email') + 1])).toEqual([]);
  });
});
