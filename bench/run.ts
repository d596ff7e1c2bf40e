/**
 * `npm run bench` (`-- --smoke` for the CI size, `-- --cpu-prof=DIR` to profile the API): the service
 * measured as it runs (the built API as a process on a throw-away database) against references
 * measured in the same run. Prints a Markdown table and writes bench/results.json (the smoke size:
 * results.smoke.json, ignored by git); asserts nothing.
 */
import './lib/record';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { Pool as HttpPool } from 'undici';
import { AvailabilityService } from '../src/availability/availability.service';
import { createTestApp, TestUser } from '../test/app';
import { newCoordinator } from '../test/factories/sessions';
import globalSetup from '../test/setup/global-setup';
import globalTeardown from '../test/setup/global-teardown';
import { minimalBooking } from './lib/minimal';
import { rawLoad, Recorded, replayer } from './lib/raw';
import { recordStatements } from './lib/record';
import { drainReminders, ReminderResult } from './lib/reminders';
import { percentile, round } from './lib/stats';
import {
  freeSlots,
  requestWindow,
  seedTherapists,
  seedVolunteers,
  startService,
} from './lib/world';

const smoke = process.argv.includes('--smoke');
const cpuProfDir = process.argv.find((a) => a.startsWith('--cpu-prof='))?.split('=')[1];
const P = smoke
  ? {
      therapists: 4,
      extra: 4,
      clients: 8,
      bookings: 16,
      single: 4,
      quiet: 1,
      racers: 10,
      samples: 3,
      raw: 48,
      reminders: 60,
    }
  : {
      therapists: 25,
      extra: 225,
      clients: 32,
      bookings: 640,
      single: 60,
      quiet: 3,
      racers: 200,
      samples: 40,
      raw: 6400,
      reminders: 10_000,
    };
const QUIET_MS = 11_000;
const ZONES = ['Europe/London', 'Europe/London', 'Europe/Athens', 'Europe/Paris'];
const zoneOf = (i: number) => ZONES[i % 4];
const monthOf = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone }).startOf('month').toISODate()!;

interface HttpSample {
  status: number;
  ms: number;
  /** The problem type of an error answer. */
  type?: string;
}

/** Answers counted by status and problem type: `{ '201': 1, '409 /problems/slot-taken': 199 }`. */
function tally(xs: HttpSample[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const x of xs) {
    const key = x.type ? `${x.status} ${x.type}` : String(x.status);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const out = await work();
  return [out, performance.now() - t0];
}

const log = (line: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

async function main(): Promise<void> {
  const began = performance.now();
  process.env.JWT_TTL_SECONDS = '3600';
  process.env.LOG_LEVEL = 'silent';
  await globalSetup();
  const url = process.env.DATABASE_URL!;
  const t = await createTestApp();
  let api: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    log('seeding');
    const coordinator = await newCoordinator(t);
    const group = await seedTherapists(t, coordinator, P.therapists);
    const volunteers = await seedVolunteers(
      t,
      P.clients + P.bookings + P.single + P.racers + 2 + P.clients,
    );
    const loaders = volunteers.splice(0, P.clients + P.bookings + P.single);
    const racers = volunteers.splice(0, P.racers);
    const rawLanes = volunteers.splice(0, P.clients);
    const [matcher, recorded] = volunteers;
    const ids = group.map((g) => g.id);
    const slots = await freeSlots(t, ids);

    // The HTTP load: booking k takes therapist k mod n's next free slot; the racers' slot and the
    // recorded booking's are each therapist's last ones.
    const plan = loaders.map((v, k) => {
      const therapistId = ids[k % ids.length];
      return { v, therapistId, startsAt: slots.get(therapistId)![Math.floor(k / ids.length)] };
    });
    if (plan.some((p) => !p.startsAt)) throw new Error('not enough free slots for the load');
    // A first round, one booking per client, before the timed load: a fresh process's first
    // bookings open its connections and find PostgreSQL's backends and V8 cold (about a second
    // each at 32 at once), which is a restart's cost, not the steady rate. Reported on its own.
    const coldPlan = plan.splice(0, P.clients);
    // The last few, one at a time after the load: the cost of a booking with nobody to wait for.
    const singlePlan = plan.splice(P.bookings);
    const quietPlan = singlePlan.splice(P.single - P.quiet);
    const lastOf = (id: string) => slots.get(id)!.at(-1)!;
    const raceSlot = { therapistId: ids[0], startsAt: lastOf(ids[0]) };

    // One real booking, recorded statement by statement, in process.
    const recTherapist = ids[1 % ids.length];
    const recStart = lastOf(recTherapist);
    let sessionId = '';
    const statements = await recordStatements(async () => {
      const res = await t.http
        .post('/v1/sessions')
        .set(recorded.user.auth)
        .send({ requestId: recorded.requestId, therapistId: recTherapist, startsAt: recStart });
      if (res.status !== 201)
        throw new Error(`recorded booking: ${res.status} ${JSON.stringify(res.body)}`);
      sessionId = (res.body as { id: string }).id;
    });
    const rec: Recorded = {
      statements,
      volunteerId: recorded.user.id,
      requestId: recorded.requestId,
      therapistId: recTherapist,
      startsAt: recStart,
      month: monthOf(recStart, zoneOf(1)),
      sessionId,
    };

    // The raw reference's volunteers hold enough coordinator grants for every booking they make.
    const grants = Math.ceil((2 * (P.clients + P.raw) + P.extra * 3) / P.clients) * 3;
    await t.db.query(
      `INSERT INTO session_grant (volunteer_id, grant_no, reason, granted_by)
       SELECT v, g, 'bench', $2 FROM unnest($1::uuid[]) v, generate_series(1, $3) g`,
      [rawLanes.map((l) => l.user.id), coordinator.id, grants],
    );
    const lanes = rawLanes.map((l) => ({ volunteerId: l.user.id, requestId: l.requestId }));

    log(`API up (${statements.length} statements per booking)`);
    api = await startService(
      { APP_ROLE: 'api', LOG_LEVEL: 'info' },
      { port: 40_000 + Math.floor(Math.random() * 10_000), cpuProfDir },
    );
    const http = new HttpPool(api.url, { connections: P.clients, pipelining: 1 });
    const send = async (
      method: 'GET' | 'POST',
      path: string,
      user: TestUser,
      body?: unknown,
    ): Promise<HttpSample & { bytes: number }> => {
      const t0 = performance.now();
      const res = await http.request({
        method,
        path,
        headers: { authorization: user.auth.Authorization, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.body.text();
      const ms = performance.now() - t0;
      const type = res.statusCode >= 400 ? (JSON.parse(text) as { type?: string }).type : undefined;
      return { status: res.statusCode, ms, bytes: text.length, type };
    };

    // RSS, sampled through the whole HTTP part.
    const rss: number[] = [api.rssMb()];
    const sampler = setInterval(() => rss.push(api!.rssMb()), 200);

    log('HTTP bookings');
    const book = (p: (typeof plan)[number]) =>
      send('POST', '/v1/sessions', p.v.user, {
        requestId: p.v.requestId,
        therapistId: p.therapistId,
        startsAt: p.startsAt.toISOString(),
      });
    const cold = await Promise.all(coldPlan.map(book));
    let next = 0;
    const booked: HttpSample[] = [];
    const [, httpMs] = await timed(() =>
      Promise.all(
        Array.from({ length: P.clients }, async () => {
          while (next < plan.length) {
            booked.push(await book(plan[next++]));
          }
        }),
      ),
    );
    const rssAfterBookings = api.rssMb();

    log('HTTP bookings, 1 client');
    const single: HttpSample[] = [];
    for (const p of singlePlan) single.push(await book(p));
    // A quiet service (the charity's usual day): one booking after each of a few idle pauses
    // longer than the pool's old 10 s idle timeout, which used to close every connection.
    log('HTTP bookings, 1 client, after 11 s quiet');
    const quiet: HttpSample[] = [];
    for (const p of quietPlan) {
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
      quiet.push(await book(p));
    }

    log('racers');
    const [race, raceMs] = await timed(() =>
      Promise.all(
        racers.map((r) =>
          send('POST', '/v1/sessions', r.user, {
            requestId: r.requestId,
            therapistId: raceSlot.therapistId,
            startsAt: raceSlot.startsAt.toISOString(),
          }),
        ),
      ),
    );

    log('slots and matches, 25');
    const w = requestWindow();
    const slotsPath = `/v1/therapists/${ids[0]}/slots?from=${w.notBefore.toISOString()}&to=${w.notAfter.toISOString()}`;
    const matchesPath = `/v1/session-requests/${matcher.requestId}/matches`;
    const sample = async (path: string) => {
      for (let i = 0; i < 3; i++) await send('GET', path, matcher.user);
      const out: Array<HttpSample & { bytes: number }> = [];
      for (let i = 0; i < P.samples; i++) out.push(await send('GET', path, matcher.user));
      const bad = out.filter((s) => s.status !== 200);
      if (bad.length) throw new Error(`${path}: ${bad[0].status}`);
      return out;
    };
    const slotSamples = await sample(slotsPath);
    const matches25 = await sample(matchesPath);
    const [, bulkMs] = await timed(() =>
      t.app.get(AvailabilityService).freeSlots(ids, { from: w.notBefore, to: w.notAfter }),
    );

    clearInterval(sampler);
    rss.push(api.rssMb());

    log('raw PostgreSQL');
    const farBase = DateTime.utc().plus({ years: 1 }).startOf('month').plus({ days: 3 }).toJSDate();
    const rawPlan = Array.from({ length: P.clients + P.raw }, (_, k) => {
      const i = k % ids.length;
      const startsAt = new Date(farBase.getTime() + Math.floor(k / ids.length) * 3_600_000);
      return { therapistId: ids[i], startsAt, month: monthOf(startsAt, zoneOf(i)) };
    });
    const raw = await rawLoad(url, replayer(rec), rawPlan, lanes);
    log('minimal transaction');
    // The same plan two years on: fresh slots and months, the same therapists and lanes.
    const minimalPlan = rawPlan.map((b, k) => {
      const startsAt = new Date(b.startsAt.getTime() + 730 * 86_400_000);
      return { ...b, startsAt, month: monthOf(startsAt, zoneOf(k % ids.length)) };
    });
    const minimal = await rawLoad(url, minimalBooking, minimalPlan, lanes);
    for (const [name, run] of Object.entries({ raw, minimal })) {
      if (Object.keys(run.errors).length) log(`${name} errors: ${JSON.stringify(run.errors)}`);
    }
    // The same transaction from one connection, 20 days further on (fresh slots and months).
    const rawSingle = await rawLoad(
      url,
      replayer(rec),
      rawPlan
        .slice(0, 1 + P.single)
        .map((b) => ({ ...b, startsAt: new Date(b.startsAt.getTime() + 20 * 86_400_000) }))
        .map((b, k) => ({ ...b, month: monthOf(b.startsAt, zoneOf(k % ids.length)) })),
      lanes.slice(0, 1),
    );

    log(`seeding ${P.extra} more therapists with bookings`);
    const extra = await seedTherapists(t, coordinator, P.extra, P.therapists);
    const extraSlots = await freeSlots(
      t,
      extra.map((e) => e.id),
    );
    const extraPlan = extra.flatMap((e, j) => {
      const free = extraSlots.get(e.id) ?? [];
      // about a session a week, at spread times
      return [0, 1, 2]
        .map((n) => free[Math.floor(((n + 0.5) * free.length) / 3)])
        .filter(Boolean)
        .map((startsAt) => ({
          therapistId: e.id,
          startsAt,
          month: monthOf(startsAt, zoneOf(j + P.therapists)),
        }));
    });
    const extraRaw = await rawLoad(url, replayer(rec), extraPlan, lanes);
    log('matches, 250');
    const matches250 = await sample(matchesPath);
    clearInterval(sampler);
    await api.stop();
    api = undefined;
    await http.close();

    log('reminders');
    const reminders: ReminderResult = await drainReminders(t, P.reminders, log);

    // --- the table ---
    const count = (xs: HttpSample[], f: (s: HttpSample) => boolean) => xs.filter(f).length;
    const ms = (xs: number[], p: number) => round(percentile(xs, p));
    const spread = (xs: HttpSample[]) => {
      const times = xs.map((s) => s.ms);
      return { p50: ms(times, 50), p99: ms(times, 99) };
    };
    const created = count(booked, (s) => s.status === 201);
    const httpRate = (created / httpMs) * 1000;
    const rawRate = (raw.timed / raw.ms) * 1000;
    const minimalRate = (minimal.timed / minimal.ms) * 1000;
    const raceRate = (race.length / raceMs) * 1000;
    const m25 = spread(matches25).p50;
    const m250 = spread(matches250).p50;
    const pg = (
      await t.db.query<Array<{ v: string }>>('SELECT current_setting($1) AS v', ['server_version'])
    )[0].v;
    const results = {
      statementsPerBooking: statements.length,
      statements: statements.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 160)),
      date: new Date().toISOString(),
      smoke,
      machine: {
        cpu: cpus()[0]?.model,
        cores: cpus().length,
        memoryGb: round(totalmem() / 2 ** 30),
        node: process.version,
        postgres: pg,
      },
      parameters: P,
      raw: {
        perSecond: round(rawRate),
        p50: ms(raw.latencies, 50),
        p99: ms(raw.latencies, 99),
        ok: raw.ok,
        errors: raw.errors,
      },
      minimal: {
        perSecond: round(minimalRate),
        p50: ms(minimal.latencies, 50),
        p99: ms(minimal.latencies, 99),
        ok: minimal.ok,
        errors: minimal.errors,
      },
      single: {
        perSecond: round(
          (count(single, (s) => s.status === 201) / single.reduce((total, s) => total + s.ms, 0)) *
            1000,
        ),
        ...spread(single),
        created: count(single, (s) => s.status === 201),
        rawP50: ms(rawSingle.latencies, 50),
        afterQuiet: quiet.map((s) => round(s.ms)),
        afterQuietCreated: count(quiet, (s) => s.status === 201),
        rawErrors: rawSingle.errors,
      },
      cold: {
        ...spread(cold),
        max: ms(
          cold.map((s) => s.ms),
          100,
        ),
        created: count(cold, (s) => s.status === 201),
        rawP50: ms(raw.cold, 50),
        rawMax: ms(raw.cold, 100),
      },
      booking: {
        perSecond: round(httpRate),
        ratioToRaw: round(httpRate / rawRate, 3),
        ratioToMinimal: round(httpRate / minimalRate, 3),
        ...spread(booked),
        created,
        answers: tally(booked),
      },
      race: {
        created: count(race, (s) => s.status === 201),
        conflict: count(race, (s) => s.status === 409),
        serverErrors: count(race, (s) => s.status >= 500),
        answers: tally(race),
        perSecond: round(raceRate),
        ratioToFreeSlots: round(raceRate / httpRate, 2),
      },
      slots: {
        ...spread(slotSamples),
      },
      matches25: {
        p50: m25,
        p99: ms(
          matches25.map((s) => s.ms),
          99,
        ),
        bytes: matches25[0].bytes,
      },
      matches250: {
        p50: m250,
        p99: ms(
          matches250.map((s) => s.ms),
          99,
        ),
        bytes: matches250[0].bytes,
      },
      matchesRatio: round(m250 / m25, 2),
      inProcessFreeSlotsMs: round(bulkMs),
      extraBookings: { ok: extraRaw.ok, errors: extraRaw.errors },
      rss: { peakMb: round(Math.max(...rss)), afterBookingsMb: round(rssAfterBookings) },
      reminders,
      seconds: round((performance.now() - began) / 1000),
    };
    const table = (r: typeof results): string => {
      const rows: Array<[string, string, string]> = [
        [
          'raw PostgreSQL: our booking transaction, replayed with `pg`',
          `${r.raw.perSecond} bookings/s, p50 ${r.raw.p50} ms, p99 ${r.raw.p99} ms`,
          `${r.statementsPerBooking} statements per booking`,
        ],
        [
          'raw PostgreSQL: the minimal transaction that keeps the invariants (bench/lib/minimal.ts)',
          `${r.minimal.perSecond} bookings/s, p50 ${r.minimal.p50} ms, p99 ${r.minimal.p99} ms`,
          `9 statements per booking; ours replayed: **${round(r.raw.perSecond / r.minimal.perSecond, 3)}×** it`,
        ],
        [
          `\`POST /v1/sessions\`, ${r.parameters.clients} clients, distinct free slots`,
          `${r.booking.perSecond} bookings/s, p50 ${r.booking.p50} ms, p99 ${r.booking.p99} ms`,
          `**${r.booking.ratioToRaw}×** raw, **${r.booking.ratioToMinimal}×** the minimal`,
        ],
        [
          `… the first ${r.parameters.clients} after start, at once (not in the row above)`,
          `p50 ${r.cold.p50} ms, slowest ${r.cold.max} ms`,
          `raw's first round: p50 ${r.cold.rawP50} ms, slowest ${r.cold.rawMax} ms`,
        ],
        [
          '`POST /v1/sessions`, 1 client',
          `${r.single.perSecond} bookings/s, p50 ${r.single.p50} ms, p99 ${r.single.p99} ms`,
          `raw, 1 connection: p50 ${r.single.rawP50} ms`,
        ],
        [
          `… each after ${QUIET_MS / 1000} s with no request`,
          `${r.single.afterQuiet.map((x) => `${x} ms`).join(', ')}`,
          `the 1-client p50 above`,
        ],
        [
          `${r.parameters.racers} racers for one slot`,
          `${r.race.created} × 201, ${r.race.conflict} × 409, ${r.race.serverErrors} × 5xx`,
          `${r.race.perSecond} answers/s = ${r.race.ratioToFreeSlots}× free-slot bookings/s`,
        ],
        [
          '`GET /v1/therapists/{id}/slots`, 4 weeks',
          `p50 ${r.slots.p50} ms, p99 ${r.slots.p99} ms`,
          '',
        ],
        [
          `\`GET …/matches\`, ${r.parameters.therapists} therapists × 4 weeks`,
          `p50 ${r.matches25.p50} ms, p99 ${r.matches25.p99} ms, ${round(r.matches25.bytes / 1024)} KB`,
          `in-process bulk freeSlots: ${r.inProcessFreeSlotsMs} ms`,
        ],
        [
          `\`GET …/matches\`, ${r.parameters.therapists + r.parameters.extra} therapists × 4 weeks`,
          `p50 ${r.matches250.p50} ms, p99 ${r.matches250.p99} ms, ${round(r.matches250.bytes / 1024)} KB`,
          `**${r.matchesRatio}×** the ${r.parameters.therapists}`,
        ],
        ...r.reminders.rows,
        [
          'API RSS under the booking load',
          `peak ${r.rss.peakMb} MB`,
          `after the bookings ${r.rss.afterBookingsMb} MB`,
        ],
      ];
      const m = r.machine;
      return [
        `Bench ${r.date.slice(0, 16)}Z${r.smoke ? ' (smoke size)' : ''}: ${m.cores} × ${m.cpu}, ${m.memoryGb} GB, Node ${m.node}, PostgreSQL ${m.postgres}; ${r.seconds} s`,
        `Parameters: ${JSON.stringify(r.parameters)}`,
        '',
        '| what | measured | reference in the same run |',
        '|---|---|---|',
        ...rows.map((row) => `| ${row.join(' | ')} |`),
      ].join('\n');
    };

    writeFileSync(
      `${__dirname}/${smoke ? 'results.smoke.json' : 'results.json'}`,
      `${JSON.stringify(results, null, 2)}\n`,
    );
    console.log(table(results));
  } finally {
    await api?.stop();
    await t.close();
    await globalTeardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
