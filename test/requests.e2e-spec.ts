import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { buddyRequest, verifiedBuddy, volunteer as buddyVolunteer } from './factories/checkins';
import {
  bookingOf,
  newCoordinator,
  sessionRequest,
  therapist,
  volunteer,
  WINDOW,
} from './factories/sessions';

const TODAY = '2027-02-20T12:00:00Z';

/** A volunteer's requests can be seen, withdrawn and asked again; one is open at a time (#22). */
describe('requests people can see and change', () => {
  const clock = new TestClock(TODAY);
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    coordinator = await newCoordinator(t);
  });
  afterEach(() => clock.set(TODAY));
  afterAll(() => t.close());

  const ask = (user: TestUser, body: Record<string, unknown> = {}) =>
    t.http
      .post('/v1/session-requests')
      .set(user.auth)
      .send({ languages: ['en'], modality: 'video', ...WINDOW, ...body });
  const mine = async (user: TestUser) =>
    (await t.http.get('/v1/me/session-requests').set(user.auth).expect(200)).body.items as Array<{
      id: string;
      status: string;
    }>;
  /** What the coordinator's unmatched counts see of one request (other suites share the table). */
  const counted = async (table: 'session_request' | 'buddy_request', id: string) => {
    const [row] = await t.db.query<Array<{ open: boolean }>>(
      `SELECT status = 'open' AS open FROM ${table} WHERE id = $1`,
      [id],
    );
    return row.open;
  };

  it('shows the open request, answers a second ask with 409 naming it, and lets it be withdrawn', async () => {
    const v = await volunteer(t);
    const first = await sessionRequest(t, v);
    expect(await mine(v)).toEqual([expect.objectContaining({ id: first, status: 'open' })]);

    const again = await ask(v).expect(409);
    expect(again.headers['content-type']).toMatch(/problem\+json/);
    expect(again.body).toMatchObject({ type: '/problems/open-request-exists', requestId: first });

    expect(await counted('session_request', first)).toBe(true);
    const withdrawn = await t.http
      .post(`/v1/session-requests/${first}/withdraw`)
      .set(v.auth)
      .expect(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await mine(v)).toEqual([]);
    expect(await counted('session_request', first)).toBe(false);
    // Withdrawn: no matches, no booking, no second withdrawal; the audit trail has it.
    await t.http.get(`/v1/session-requests/${first}/matches`).set(v.auth).expect(409);
    await t.http.post(`/v1/session-requests/${first}/withdraw`).set(v.auth).expect(409);
    const [audit] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM audit_event
        WHERE action = 'session_request.withdrawn' AND target_id = $1`,
      [first],
    );
    expect(audit.n).toBe(1);

    // Asking again works at once.
    const second = await sessionRequest(t, v);
    expect(await mine(v)).toEqual([expect.objectContaining({ id: second, status: 'open' })]);
  });

  it('lets nobody else withdraw a request, and a booking from a withdrawn request is refused', async () => {
    const th = await therapist(t, coordinator);
    const v = await volunteer(t);
    const other = await volunteer(t);
    const requestId = await sessionRequest(t, v);
    await t.http.post(`/v1/session-requests/${requestId}/withdraw`).set(other.auth).expect(404);
    await t.http.post(`/v1/session-requests/${requestId}/withdraw`).set(th.auth).expect(403);
    await t.http.post(`/v1/session-requests/${requestId}/withdraw`).set(v.auth).expect(200);
    const refused = await bookingOf(t, v, {
      requestId,
      therapistId: th.id,
      startsAt: '2027-03-10T09:00:00Z',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('/problems/request-closed');
  });

  it('keeps one open request under concurrent asks', async () => {
    const v = await volunteer(t);
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(v)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const created = answers.find((a) => a.status === 201)!.body.id as string;
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.body.requestId).toBe(created);
    }
    const [row] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM session_request WHERE volunteer_id = $1 AND status = 'open'`,
      [v.id],
    );
    expect(row.n).toBe(1);
  });

  it('gives the request back when the session is cancelled, and lets a passed one lapse', async () => {
    const th = await therapist(t, coordinator);
    const v = await volunteer(t);
    const requestId = await sessionRequest(t, v);
    const booked = await bookingOf(t, v, {
      requestId,
      therapistId: th.id,
      startsAt: '2027-03-10T09:00:00Z',
    }).expect(201);
    // Booked: no longer open, and asking again is not blocked by it.
    expect(await mine(v)).toEqual([]);
    await t.http
      .post(`/v1/sessions/${booked.body.id}/cancel`)
      .set(v.auth)
      .send({ reason: 'Something came up' })
      .expect(200);
    expect(await mine(v)).toEqual([expect.objectContaining({ id: requestId, status: 'open' })]);

    // Once its dates have passed, a new ask replaces it.
    clock.set('2027-03-28T12:00:00Z');
    const fresh = await ask(v, {
      notBefore: '2027-03-29T00:00:00Z',
      notAfter: '2027-04-20T00:00:00Z',
    }).expect(201);
    expect(await mine(v)).toEqual([expect.objectContaining({ id: fresh.body.id, status: 'open' })]);
    const [old] = await t.db.query<Array<{ status: string }>>(
      `SELECT status FROM session_request WHERE id = $1`,
      [requestId],
    );
    expect(old.status).toBe('lapsed');
  });

  it('does the same for buddy requests: one open, withdrawn, asked again, never paired once withdrawn', async () => {
    const buddy = await verifiedBuddy(t, coordinator);
    const v = await buddyVolunteer(t);
    const first = await buddyRequest(t, v);
    const again = await t.http
      .post('/v1/buddy-requests')
      .set(v.auth)
      .send({ channel: 'phone', callWindows: [{ weekday: 6, start: '17:00', end: '20:00' }] })
      .expect(409);
    expect(again.body).toMatchObject({
      type: '/problems/open-request-exists',
      requestId: first.id,
    });

    expect(await counted('buddy_request', first.id)).toBe(true);
    await t.http.post(`/v1/buddy-requests/${first.id}/withdraw`).set(v.auth).expect(200);
    expect(await counted('buddy_request', first.id)).toBe(false);
    const listed = await t.http.get('/v1/me/buddy-requests').set(v.auth).expect(200);
    expect(listed.body.items).toEqual([]);
    const pairing = await t.http.post('/v1/pairings').set(v.auth).send({
      requestId: first.id,
      buddyId: buddy.id,
      cadence: 'weekly',
      weekday: 6,
      localTime: '18:00',
      timezone: 'Europe/Athens',
    });
    expect(pairing.status).toBe(409);
    expect(pairing.body.type).toBe('/problems/request-closed');

    const second = await buddyRequest(t, v);
    const listedAgain = await t.http.get('/v1/me/buddy-requests').set(v.auth).expect(200);
    expect(listedAgain.body.items).toEqual([
      expect.objectContaining({ id: second.id, status: 'open' }),
    ]);
  });
});
