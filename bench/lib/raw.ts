/**
 * The raw-PostgreSQL reference: the statements one real booking sent (recorded), replayed verbatim
 * with `pg` at the same concurrency, each booking's ids, instants and month substituted. What is
 * left between this and the HTTP figure is ours: Nest, TypeORM, validation, JSON, logging.
 */
import { performance } from 'node:perf_hooks';
import { Pool, PoolClient } from 'pg';
import type { Statement } from './record';

export interface Recorded {
  statements: Statement[];
  volunteerId: string;
  requestId: string;
  therapistId: string;
  startsAt: Date;
  month: string;
  sessionId: string;
}

export interface RawVolunteer {
  volunteerId: string;
  requestId: string;
}

export interface RawBooking extends RawVolunteer {
  therapistId: string;
  startsAt: Date;
  month: string;
}

const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z/g;

export function replayer(rec: Recorded) {
  const insert = rec.statements.find((s) => s.text.startsWith('INSERT INTO "session"('));
  const entitlement = rec.statements.find((s) => s.text.includes('FROM session_grant'));
  if (!insert || !entitlement) throw new Error('recorded booking has no session insert');
  const columns = /^INSERT INTO "session"\(([^)]*)\)/.exec(insert.text)![1].split(', ');
  const tuple = /VALUES \(([^)]*)\)/.exec(insert.text)![1].split(', ');
  const grantToken = tuple[columns.indexOf('"grant_no"')];
  const grantIndex = grantToken?.startsWith('$') ? Number(grantToken.slice(1)) - 1 : -1;

  return async function replay(client: PoolClient, b: RawBooking): Promise<void> {
    const delta = b.startsAt.getTime() - rec.startsAt.getTime();
    const pairs: Array<[string, string]> = [
      [rec.volunteerId, b.volunteerId],
      [rec.requestId, b.requestId],
      [rec.therapistId, b.therapistId],
      [rec.month, b.month],
    ];
    const mapString = (s: string) => {
      let out = s.replace(INSTANT, (iso) => new Date(Date.parse(iso) + delta).toISOString());
      for (const [from, to] of pairs) out = out.split(from).join(to);
      return out;
    };
    const map = (v: unknown): unknown => {
      if (v instanceof Date) return new Date(v.getTime() + delta);
      if (typeof v === 'string') return mapString(v);
      if (v && typeof v === 'object') return JSON.parse(mapString(JSON.stringify(v))) as unknown;
      return v;
    };
    let grant: number | null = null;
    try {
      for (const s of rec.statements) {
        const values = s.values.map(map);
        if (s === insert && grantIndex >= 0) values[grantIndex] = grant;
        const res = await client.query(s.text, values);
        if (s === entitlement) grant = (res.rows[0] as { grant_no: number | null })?.grant_no;
        if (s === insert) pairs.push([rec.sessionId, (res.rows[0] as { id: string }).id]);
      }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
}

/**
 * Runs `bookings` (each one `replay`: ours replayed, or the minimal transaction) through one
 * connection per lane volunteer (a volunteer's bookings never race
 * each other for an entitlement); latencies in ms, errors by message. The first booking of each
 * lane runs before the clock starts, all at once, as the HTTP load's first round does: its
 * latencies come back as `cold`, outside the rest.
 */
export async function rawLoad(
  url: string,
  replay: (client: PoolClient, b: RawBooking) => Promise<void>,
  bookings: Array<Omit<RawBooking, keyof RawVolunteer>>,
  lanes: RawVolunteer[],
) {
  const concurrency = lanes.length;
  const pool = new Pool({ connectionString: url, max: concurrency });
  const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
  const errors: Record<string, number> = {};
  let next = 0;
  const run = async (client: PoolClient, lane: number, latencies: number[]) => {
    const b = { ...bookings[next++], ...lanes[lane] };
    const t0 = performance.now();
    try {
      await replay(client, b);
      latencies.push(performance.now() - t0);
    } catch (error) {
      const key = (error as Error).message.slice(0, 80);
      errors[key] = (errors[key] ?? 0) + 1;
    }
  };
  const cold: number[] = [];
  await Promise.all(
    clients.map(async (client, lane) => {
      if (next < bookings.length) await run(client, lane, cold);
    }),
  );
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    clients.map(async (client, lane) => {
      while (next < bookings.length) await run(client, lane, latencies);
    }),
  );
  const ms = performance.now() - start;
  clients.forEach((c) => c.release());
  await pool.end();
  return {
    ms,
    ok: cold.length + latencies.length,
    timed: latencies.length,
    latencies,
    cold,
    errors,
  };
}
