import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { closedPort } from './closed-port';
import { isolateDatabaseAndRedis } from './isolated-env';
import { answers, MainProcess, startMain } from './main-process';

/**
 * `docker compose up` without Docker (there is no engine on CI): the environment compose would
 * give the api and worker containers, built from docker-compose.yml, the .env that
 * `npm run compose:secrets` writes and the Dockerfile's ENV, runs the image's CMD. Only the
 * addresses of PostgreSQL and Redis (and the port) are this machine's, and the database and Redis
 * prefix are this file's own, so the worker takes no other spec's jobs.
 */
const root = join(__dirname, '..');
const BUILD_TIMEOUT_MS = 300_000;
type Service = { environment?: Record<string, unknown> | string[]; env_file?: unknown };
const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
};

/** Variables whose value is a secret: compose may only refer to them, never hold a value. */
const SECRET = /SECRET|KEYS?$|TOKEN|PASSWORD/;
/** `${NAME}`, `${NAME:?message}` or `${NAME?message}`: no default, so no value in the file. */
const REFERENCE = /^\$\{(\w+)(:?\?[^}]*)?\}$/;

function environmentOf(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((line) => [line.split('=')[0], line.slice(line.indexOf('=') + 1)]),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)]));
}

const envFilesOf = (service: Service): string[] =>
  [service.env_file ?? []]
    .flat()
    .map((entry) => (typeof entry === 'string' ? entry : (entry as { path: string }).path));

/** KEY=VALUE lines, as compose reads an env_file (the script writes no quotes). */
const parseEnvFile = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

/** The final stage's ENV and CMD. */
function dockerfile() {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const stage = text.slice(text.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, pairs] of stage.matchAll(/^ENV\s+(.+)$/gm)) {
    for (const pair of pairs.trim().split(/\s+/)) env[pair.split('=')[0]] = pair.split('=')[1];
  }
  const cmd = JSON.parse(/^CMD\s+(\[.*\])$/m.exec(stage)?.[1] ?? '[]') as string[];
  return { env, cmd };
}

const secretsScript = (args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts', 'compose-secrets.js'), ...args], {
    encoding: 'utf8',
  });

let dir: string;
let dotEnv: string;
beforeAll(() => {
  execFileSync(process.execPath, [join(root, 'scripts', 'build-if-stale.js')], {
    cwd: root,
    stdio: 'inherit',
  });
  dir = mkdtempSync(join(tmpdir(), 'vws-compose-'));
  dotEnv = join(dir, '.env');
}, BUILD_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('docker-compose.yml holds no secret', () => {
  it.each(['api', 'worker'])('%s: secrets only by reference, the rest from .env', (name) => {
    const service = compose.services[name];
    expect(envFilesOf(service)).toContain('.env');
    const literals = Object.entries(environmentOf(service)).filter(
      ([key, value]) => SECRET.test(key) && !REFERENCE.test(value),
    );
    expect(literals).toEqual([]);
  });
});

describe('npm run compose:secrets', () => {
  it('is the script this spec runs', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['compose:secrets']).toBe('node scripts/compose-secrets.js');
  });

  it('writes fresh random secrets, readable by its owner only, and never overwrites unless told', () => {
    expect(secretsScript(['--out', dotEnv]).status).toBe(0);
    const first = readFileSync(dotEnv, 'utf8');
    expect(statSync(dotEnv).mode & 0o777).toBe(0o600);
    expect(Object.keys(parseEnvFile(first)).sort()).toEqual([
      'CONCERN_ACTIVE_KEY_ID',
      'CONCERN_KEYS',
      'CONSENT_EVIDENCE_SECRET',
      'JWT_SECRET',
      'LINK_SECRET',
    ]);

    const again = secretsScript(['--out', dotEnv]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/exists.*--force/);
    expect(readFileSync(dotEnv, 'utf8')).toBe(first);

    expect(secretsScript(['--out', dotEnv, '--force']).status).toBe(0);
    const second = parseEnvFile(readFileSync(dotEnv, 'utf8'));
    for (const [name, value] of Object.entries(parseEnvFile(first))) {
      if (name !== 'CONCERN_ACTIVE_KEY_ID') expect(second[name]).not.toBe(value);
    }
  });
});

describe('the environment compose gives each app container boots, in production', () => {
  let isolated: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let running: MainProcess | undefined;
  beforeAll(async () => {
    isolated = await isolateDatabaseAndRedis('compose');
    if (secretsScript(['--out', dotEnv]).status !== 0) secretsScript(['--out', dotEnv, '--force']);
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });
  afterAll(async () => {
    await isolated.flushRedis();
    await isolated.drop();
  });

  /** Dockerfile ENV, then env_file, then environment (compose's order), `${VAR}` from .env. */
  async function containerEnv(name: string): Promise<NodeJS.ProcessEnv> {
    const image = dockerfile();
    expect(image.cmd).toEqual(['node', 'dist/src/main.js']);
    const service = compose.services[name];
    const fromFiles = Object.assign(
      {},
      ...envFilesOf(service).map(() => parseEnvFile(readFileSync(dotEnv, 'utf8'))),
    ) as Record<string, string>;
    const environment = Object.fromEntries(
      Object.entries(environmentOf(service)).map(([key, value]) => {
        const ref = REFERENCE.exec(value);
        return [key, ref ? fromFiles[ref[1]] : value];
      }),
    );
    const env = { ...image.env, ...fromFiles, ...environment };
    expect(env.NODE_ENV).toBe('production');
    return {
      ...env,
      PATH: process.env.PATH,
      DATABASE_URL: isolated.databaseUrl,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: isolated.redisPrefix,
      PORT: String(await closedPort()),
    };
  }

  it('api: answers /health 200', async () => {
    const env = await containerEnv('api');
    expect(env.APP_ROLE).toBe('api');
    running = startMain(env);
    await running.until(() => answers(`http://127.0.0.1:${env.PORT}/health`, 200));
    expect(running.stderr()).toBe('');
  });

  it('worker: starts and runs its periodic work', async () => {
    const env = await containerEnv('worker');
    expect(env.APP_ROLE).toBe('worker');
    running = startMain(env);
    // Call planning runs once when a worker starts (a Bull job through Redis, then PostgreSQL).
    await running.until(() => running!.stdout().includes('check-in calls materialised'));
    expect(running.child.exitCode).toBeNull();
    expect(running.stderr()).toBe('');
  });
});
