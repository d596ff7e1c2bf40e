import type { Response } from 'supertest';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import {
  bookingOf,
  sessionRequest,
  therapist,
  volunteer,
  newCoordinator,
} from './factories/sessions';

/** Status and problem type of each answer, counted: `{ '201': 1, '409 /problems/slot-taken': 49 }`. */
function tally(responses: Response[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of responses) {
    const key = r.status === 201 ? '201' : `${r.status} ${r.body?.type}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function inBatches<T>(
  n: number,
  size: number,
  make: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += size) {
    out.push(
      ...(await Promise.all(Array.from({ length: Math.min(size, n - i) }, (_, j) => make(i + j)))),
    );
  }
  return out;
}

describe('booking under concurrency', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2027-02-20T12:00:00Z') });
    coordinator = await newCoordinator(t);
  });
  afterAll(() => t.close());

  const sessionsOf = async (therapistId: string) =>
    (
      await t.db.query<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM session WHERE therapist_id = $1 AND status <> 'cancelled'`,
        [therapistId],
      )
    )[0].n;

  it('50 volunteers racing for one slot: exactly one 201 and 49 x 409 slot-taken', async () => {
    const th = await therapist(t, coordinator, { monthlyCapacity: 60 });
    const racers = await inBatches(50, 10, async () => {
      const v = await volunteer(t);
      return { v, requestId: await sessionRequest(t, v) };
    });
    const responses = await Promise.all(
      racers.map(({ v, requestId }) =>
        bookingOf(t, v, { requestId, therapistId: th.id, startsAt: '2027-03-02T09:00:00Z' }),
      ),
    );
    expect(tally(responses)).toEqual({ '201': 1, '409 /problems/slot-taken': 49 });
    expect(await sessionsOf(th.id)).toBe(1);
  });

  it('one volunteer firing 20 bookings for different slots: exactly one 201', async () => {
    const th = await therapist(t, coordinator, { monthlyCapacity: 60 });
    const v = await volunteer(t);
    const requestId = await sessionRequest(t, v);
    const starts = Array.from({ length: 20 }, (_, i) => {
      const day = 2 + Math.floor(i / 4);
      const hour = 9 + 2 * (i % 4);
      return `2027-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
    });
    const responses = await Promise.all(
      starts.map((startsAt) => bookingOf(t, v, { requestId, therapistId: th.id, startsAt })),
    );
    expect(tally(responses)).toEqual({ '201': 1, '409 /problems/session-already-used': 19 });
    expect(await sessionsOf(th.id)).toBe(1);
  });

  it('a 90-minute session and one starting inside it, at once: one is rejected', async () => {
    const th = await therapist(t, coordinator, { sessionMinutes: 90, bufferMinutes: 0 });
    const [a, b] = await Promise.all([volunteer(t), volunteer(t)]);
    const [ra, rb] = await Promise.all([sessionRequest(t, a), sessionRequest(t, b)]);
    const responses = await Promise.all([
      bookingOf(t, a, { requestId: ra, therapistId: th.id, startsAt: '2027-03-03T09:00:00Z' }),
      bookingOf(t, b, { requestId: rb, therapistId: th.id, startsAt: '2027-03-03T10:00:00Z' }),
    ]);
    expect(tally(responses)).toEqual({ '201': 1, '409 /problems/slot-taken': 1 });
  });

  it('two volunteers taking a therapist’s last place this month at once: one is rejected', async () => {
    const th = await therapist(t, coordinator, { monthlyCapacity: 1 });
    const [a, b] = await Promise.all([volunteer(t), volunteer(t)]);
    const [ra, rb] = await Promise.all([sessionRequest(t, a), sessionRequest(t, b)]);
    const responses = await Promise.all([
      bookingOf(t, a, { requestId: ra, therapistId: th.id, startsAt: '2027-03-04T09:00:00Z' }),
      bookingOf(t, b, { requestId: rb, therapistId: th.id, startsAt: '2027-03-05T13:00:00Z' }),
    ]);
    expect(tally(responses)).toEqual({ '201': 1, '422 /problems/capacity-reached': 1 });
    expect(await sessionsOf(th.id)).toBe(1);
  });

  it('the same Idempotency-Key sent twice at once books once and answers both alike', async () => {
    const th = await therapist(t, coordinator);
    const v = await volunteer(t);
    const requestId = await sessionRequest(t, v);
    const send = () =>
      t.http
        .post('/v1/sessions')
        .set(v.auth)
        .set('Idempotency-Key', 'double-click')
        .send({ requestId, therapistId: th.id, startsAt: '2027-03-06T09:00:00Z' });
    const [x, y] = await Promise.all([send(), send()]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(x.body).toEqual(y.body);
    expect(await sessionsOf(th.id)).toBe(1);
  });
});
