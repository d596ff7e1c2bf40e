/**
 * The bench's world: a throw-away database migrated as production does, seeded through the
 * service's own code (an in-process app, the e2e factories' token shortcut: no login, so the login
 * limiter never counts the bench), and a way to start the API and workers as real processes.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { Role } from '../../src/common/auth.decorators';
import { ConsentPurpose } from '../../src/consent/consent-purpose';
import { TestApp, TestUser } from '../../test/app';
import { consent, signUp, therapist } from '../../test/factories/sessions';
import { inPool, sleep } from './stats';

const DAY = 86_400_000;
/** The factories' therapist: 50-minute sessions and a 10-minute buffer. */
const SESSION_AND_BUFFER_MS = 60 * 60_000;

export interface Volunteer {
  user: TestUser;
  requestId: string;
}

function ok<T extends { status: number; body: unknown }>(res: T, step: string): T {
  if (res.status >= 300) throw new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/** The request window every volunteer asks for: 2 days from now, 4 weeks long. */
export function requestWindow(now = Date.now()) {
  const notBefore = new Date(now + 2 * DAY);
  return { notBefore, notAfter: new Date(notBefore.getTime() + 28 * DAY) };
}

export async function seedTherapists(
  t: TestApp,
  coordinator: TestUser,
  n: number,
  offset = 0,
): Promise<TestUser[]> {
  return inPool(n, 6, async (j) => {
    const i = j + offset;
    // Realistic mix: mostly English, some French, Arabic, Spanish, German; UK, Greece, France.
    const extra = ['fr', 'ar', 'es', 'de', 'el'][i % 5];
    const user = await therapist(t, coordinator, {
      languages: i % 3 === 0 ? ['en', extra] : ['en'],
      modalities: ['video', 'phone'],
      monthlyCapacity: 60,
      minimumNoticeHours: 24,
      timezone: ['Europe/London', 'Europe/London', 'Europe/Athens', 'Europe/Paris'][i % 4],
      weekly: [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, start: '09:00', end: '12:30' },
        { weekday, start: '13:30', end: '17:00' },
      ]),
    });
    await consent(t, user.id, [ConsentPurpose.SmsReminders], true);
    return user;
  });
}

export async function seedVolunteers(t: TestApp, n: number): Promise<Volunteer[]> {
  const today = DateTime.utc();
  const window = requestWindow();
  return inPool(n, 6, async () => {
    const user = await signUp(t, Role.Volunteer, {
      timezone: 'Europe/London',
      phone: '+447911123456',
      name: 'Amira Haddad',
    });
    ok(
      await t.http
        .put('/v1/me/profile')
        .set(user.auth)
        .send({
          languages: ['en'],
          deployments: [
            {
              location: 'Calais',
              country: 'FR',
              startsOn: today.minus({ days: 50 }).toISODate(),
              endsOn: today.minus({ days: 10 }).toISODate(),
            },
          ],
        }),
      'volunteer profile',
    );
    await consent(
      t,
      user.id,
      [
        ConsentPurpose.DataProcessing,
        ConsentPurpose.ShareWithTherapist,
        ConsentPurpose.SmsReminders,
      ],
      true,
    );
    const res = ok(
      await t.http
        .post('/v1/session-requests')
        .set(user.auth)
        .send({
          languages: ['en'],
          modality: 'video',
          notBefore: window.notBefore.toISOString(),
          notAfter: window.notAfter.toISOString(),
        }),
      'session request',
    );
    return { user, requestId: (res.body as { id: string }).id };
  });
}

/** The therapists' free slot starts in the request window, from the service's own search. */
export async function freeSlots(t: TestApp, ids: string[]): Promise<Map<string, Date[]>> {
  const { AvailabilityService } = await import('../../src/availability/availability.service');
  const w = requestWindow();
  // A day of margin: the API checks notice against its own clock, later.
  const all = await t.app
    .get(AvailabilityService)
    .freeSlots(ids, { from: new Date(w.notBefore.getTime() + DAY), to: w.notAfter });
  // Free starts step finer than a session: keep those a whole session and buffer apart, so
  // bookings on distinct slots never overlap.
  const apart = new Map<string, Date[]>();
  for (const [id, starts] of all) {
    const kept: Date[] = [];
    for (const s of starts) {
      const last = kept.at(-1);
      if (!last || s.getTime() - last.getTime() >= SESSION_AND_BUFFER_MS) kept.push(s);
    }
    apart.set(id, kept);
  }
  return apart;
}

/** Preloaded into services: exit normally on SIGTERM, so that `--cpu-prof` writes its profile. */
let preload: string | undefined;
function exitOnSignal(): string {
  if (!preload) {
    preload = join(mkdtempSync(join(tmpdir(), 'vws-bench-')), 'exit-on-signal.js');
    writeFileSync(preload, "process.on('SIGTERM', () => process.exit(0));\n");
  }
  return preload;
}

export interface Proc {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
  rssMb(): number;
}

/** `node dist/src/main.js` with this run's environment; resolves once /health answers (API). */
export async function startService(
  env: Record<string, string>,
  options: { port?: number; cpuProfDir?: string } = {},
): Promise<Proc> {
  const port = options.port ?? 0;
  const args = [
    ...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []),
    '-r',
    exitOnSignal(),
    'dist/src/main.js',
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  if (port) {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`service exited: ${stderr}`);
      try {
        const res = await fetch(`${url}/health`);
        if (res.status < 500) break;
      } catch {
        // not listening yet
      }
      if (i > 300) throw new Error(`service did not come up: ${stderr}`);
      await sleep(100);
    }
  }
  return {
    child,
    url,
    rssMb: () => rssMb(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}
