import { ConsentPurpose } from '../src/consent/consent-purpose';
import { DeliveryService } from '../src/notifications/delivery.service';
import { NotificationTemplate } from '../src/notifications/notification-templates';
import { LinksService } from '../src/links/links.service';
import { Role } from '../src/common/auth.decorators';
import { NotFoundError } from '../src/common/domain-error';
import { BookSession } from '../src/sessions/book-session.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { linkLimitKey } from '../src/links/link-limiter.service';
import Redis from 'ioredis';
import { createTestApp, TestApp, TestUser, testIp } from './app';
import { TestClock } from './clock';
import { FakeTwilio } from './fake-twilio';
import { paired, verifiedBuddy } from './factories/checkins';
import { bookedSession, consent, newCoordinator, therapist } from './factories/sessions';
import { outboxAbout, OutboxRow } from './notifications.fixtures';

/** An outbox row with its channel: `email` for a mail twin, else a text (null until it goes). */
type ChannelRow = OutboxRow & { channel: string | null };
const isMail = (r: OutboxRow) => (r as ChannelRow).channel === 'email';

const TODAY = '2027-02-20T12:00:00Z';
const STARTS = '2027-03-10T09:00:00Z';
const BASE = 'https://vws.example.org';

/** A response item as a client reads it (supertest bodies are untyped JSON). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a body as the client reads it
type Body = Record<string, any>;

/**
 * Signed links, end to end against PostgreSQL and Redis: what a link shows, what it can do as its
 * person, when it dies, and that every wrong link gets the same 404.
 */
describe('signed links', () => {
  const clock = new TestClock(TODAY);
  const fake = new FakeTwilio();
  const saved = { ...process.env };
  let t: TestApp;
  let coordinator: TestUser;
  let redis: Redis;

  beforeAll(async () => {
    await fake.start();
    Object.assign(process.env, { ...fake.env, PUBLIC_BASE_URL: BASE });
    t = await createTestApp({ clock });
    coordinator = await newCoordinator(t);
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterEach(() => clock.set(TODAY));
  afterAll(async () => {
    await redis.quit();
    await t.close();
    await fake.stop();
    process.env = saved;
  });

  /** Each test's requests come from its own client address, so the per-IP limit stays apart. */
  let ip = testIp();
  beforeEach(() => {
    ip = testIp();
  });
  const codeOf = (url: string) => url.slice(`${BASE}/l/`.length);
  const open = (code: string) => t.http.get(`/v1/links/${code}`).set('X-Forwarded-For', ip);
  const post = (code: string, action: 'cancel' | 'reschedule', body: object = {}) =>
    t.http.post(`/v1/links/${code}/${action}`).set('X-Forwarded-For', ip).send(body);
  const linkFor = async (kind: 'session' | 'checkin', id: string, personId: string) => {
    const url = await t.app.get(LinksService).linkFor(kind, id, personId);
    if (!url) throw new Error('no link');
    return url;
  };
  /** The 404 every wrong link gets: nothing in it says which way it was wrong. */
  const notFound = (res: { status: number; body: Body }) => {
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      detail: 'No such link, or it is not yours.',
    });
  };

  async function session(startsAt = STARTS) {
    const th = await therapist(t, coordinator);
    const booked = await bookedSession(t, th, startsAt);
    return { ...booked, therapist: th };
  }

  it('shows only the time in the person’s zone and a neutral description, and no contact details', async () => {
    const th = await therapist(t, coordinator);
    const { id, volunteer } = await bookedSession(t, th, STARTS);
    const url = await linkFor('session', id, volunteer.id);
    expect(url).toMatch(/^https:\/\/vws\.example\.org\/l\/[A-Za-z0-9_-]{22}$/);

    const res = await open(codeOf(url)).expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({
      kind: 'session',
      description: 'Your session',
      startsAt: {
        utc: '2027-03-10T09:00:00.000Z',
        local: '2027-03-10T09:00:00+00:00',
        timezone: 'Europe/London',
      },
      endsAt: {
        utc: '2027-03-10T09:50:00.000Z',
        local: '2027-03-10T09:50:00+00:00',
        timezone: 'Europe/London',
      },
      can: { reschedule: true, cancel: true },
      // How to join; no room is configured in this run and the therapist gave no link.
      meeting: { how: 'video', url: null },
    });
    const text = `${url} ${JSON.stringify(res.body)}`;
    for (const secret of [volunteer.email, th.email, '+447911123456', '+447911123457', 'Amira']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(id);
    // The database keeps only the code's SHA-256.
    const rows = await t.db.query<Array<{ code_hash: string }>>(
      `SELECT code_hash FROM signed_link WHERE object_id = $1`,
      [id],
    );
    expect(rows.map((r) => r.code_hash).join()).not.toContain(codeOf(url));
  });

  it('cancels the session as its volunteer; the link then opens nothing', async () => {
    const { id, volunteer } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));

    const done = await post(code, 'cancel').expect(200);
    expect(done.body).toMatchObject({ status: 'cancelled', description: 'Your session' });
    const after = await t.http.get(`/v1/sessions/${id}`).set(volunteer.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'cancelled', cancelledBy: volunteer.id });
    // Audited as the volunteer's own cancellation, like one made signed in.
    const [audit] = await t.db.query<Array<{ actor_id: string }>>(
      `SELECT actor_id FROM audit_event WHERE action = 'session.cancelled' AND target_id = $1`,
      [id],
    );
    expect(audit.actor_id).toBe(volunteer.id);
    notFound(await open(code));
    notFound(await post(code, 'cancel'));
  });

  it('refuses a cancel posted from another site, or as a plain form, and the session stays booked', async () => {
    const { id, volunteer } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));
    const cancel = () => t.http.post(`/v1/links/${code}/cancel`).set('X-Forwarded-For', ip);

    const form = await cancel().type('form').send({ confirm: 'yes' }).expect(415);
    expect(form.body).toMatchObject({ type: '/problems/unsupported-media-type' });
    await cancel().set('Content-Type', 'text/plain').send('yes').expect(415);
    const foreign = await cancel().set('Origin', 'https://evil.example.com').send({}).expect(403);
    expect(foreign.body).toMatchObject({ type: '/problems/cross-site-request' });
    await cancel().set('Sec-Fetch-Site', 'cross-site').expect(403);
    await t.http
      .post(`/v1/links/${code}/reschedule`)
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ startsAt: '2027-03-11T09:00:00Z' })
      .expect(415);

    const still = await t.http.get(`/v1/sessions/${id}`).set(volunteer.auth).expect(200);
    expect(still.body).toMatchObject({ status: 'booked' });
    // The link's own page (same origin, JSON or no body) still can.
    await cancel().set('Origin', BASE).set('Sec-Fetch-Site', 'same-origin').expect(200);
  });

  it('moves the session to a free slot with every booking rule, and the old link dies', async () => {
    const { id, volunteer, therapist: th } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));

    const slots = await t.http
      .get(`/v1/links/${code}/slots?from=2027-03-11&to=2027-03-11`)
      .set('X-Forwarded-For', ip)
      .expect(200);
    expect(slots.body.timezone).toBe('Europe/London');
    expect(slots.body).not.toHaveProperty('therapistId');
    const starts = (slots.body.slots as Body[]).map((s) => s.startsAt.utc as string);
    expect(starts).toContain('2027-03-11T10:00:00.000Z');
    // Off the grid or outside availability: the booking rules answer, the link still works.
    const refused = await post(code, 'reschedule', { startsAt: '2027-03-11T03:00:00Z' });
    expect(refused.status).toBe(422);
    await open(code).expect(200);

    const moved = await post(code, 'reschedule', { startsAt: '2027-03-11T10:00:00Z' }).expect(200);
    expect(moved.body).toEqual({
      status: 'moved',
      description: 'Your session',
      startsAt: {
        utc: '2027-03-11T10:00:00.000Z',
        local: '2027-03-11T10:00:00+00:00',
        timezone: 'Europe/London',
      },
    });
    const after = await t.http.get(`/v1/sessions/${id}`).set(th.auth).expect(200);
    expect(after.body.startsAt.utc).toBe('2027-03-11T10:00:00.000Z');
    notFound(await open(code));
    notFound(await post(code, 'reschedule', { startsAt: '2027-03-12T10:00:00Z' }));
    // The moved session's texts (both people) are written as for a signed-in move.
    const notices = (await outboxAbout(t, `session:${id}`)).filter(
      (r) => r.template === String(NotificationTemplate.SessionRescheduled),
    );
    const texts = notices.filter((r) => !isMail(r));
    expect(texts.map((r) => r.recipient_id).sort()).toEqual([volunteer.id, th.id].sort());
    // Mail twins, if any: at most one per person, and only to those two.
    const mailedTo = notices.filter(isMail).map((r) => r.recipient_id);
    expect(new Set(mailedTo).size).toBe(mailedTo.length);
    expect(mailedTo.every((r) => r === volunteer.id || r === th.id)).toBe(true);
  });

  it('works until the session starts and not from that moment', async () => {
    const { id, volunteer } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));
    clock.set(new Date(new Date(STARTS).getTime() - 1000));
    await open(code).expect(200);
    clock.set(STARTS);
    notFound(await open(code));
    notFound(await post(code, 'cancel'));
  });

  it('dies when the session is moved through the normal API', async () => {
    const { id, volunteer } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));
    await t.http
      .post(`/v1/sessions/${id}/reschedule`)
      .set(volunteer.auth)
      .send({ startsAt: '2027-03-12T10:00:00Z' })
      .expect(200);
    notFound(await open(code));
    // A new link for the new time works.
    await open(codeOf(await linkFor('session', id, volunteer.id))).expect(200);
  });

  it('acts only on the version it was opened at: a move in between makes the locked re-check refuse', async () => {
    // The race a link could lose: opened at sequence 0, the session moved (sequence 1) before the
    // action runs. The services re-check the version under their row lock.
    const { id, volunteer } = await session();
    await t.http
      .post(`/v1/sessions/${id}/reschedule`)
      .set(volunteer.auth)
      .send({ startsAt: '2027-03-12T10:00:00Z' })
      .expect(200);
    const actor = { id: volunteer.id, role: Role.Volunteer, timezone: 'Europe/London' };
    await expect(t.app.get(SessionsService).cancel(actor, id, 'link', 0)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      t.app.get(BookSession).reschedule(actor, id, { startsAt: '2027-03-15T10:00:00Z' }, 0),
    ).rejects.toBeInstanceOf(NotFoundError);
    const after = await t.http.get(`/v1/sessions/${id}`).set(volunteer.auth).expect(200);
    expect(after.body).toMatchObject({
      status: 'booked',
      sequence: 1,
      startsAt: { utc: '2027-03-12T10:00:00.000Z' },
    });
  });

  it('answers a code with one character changed, an unknown code and a malformed one alike', async () => {
    const { id, volunteer } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));
    const last = code.at(-1) === 'A' ? 'B' : 'A';
    notFound(await open(`${code.slice(0, -1)}${last}`));
    notFound(await open('AAAAAAAAAAAAAAAAAAAAAA'));
    notFound(await open('short'));
    await open(code).expect(200);
  });

  it('refuses a row changed in the database: the signature covers every field', async () => {
    const { id, volunteer } = await session();
    const url = await linkFor('session', id, volunteer.id);
    const code = codeOf(url);
    await t.db.query(
      `UPDATE signed_link SET expires_at = expires_at + interval '30 days' WHERE object_id = $1`,
      [id],
    );
    notFound(await open(code));
    // Pointing a row at another session fails the same way.
    const other = await session();
    const code2 = codeOf(await linkFor('session', other.id, other.volunteer.id));
    await t.db.query(`UPDATE signed_link SET object_id = $1 WHERE object_id = $2`, [id, other.id]);
    notFound(await open(code2));
  });

  it("does not reach another person's session, even through a validly signed link", async () => {
    const mine = await session();
    const theirs = await session();
    expect(
      await t.app.get(LinksService).linkFor('session', theirs.id, mine.volunteer.id),
    ).toBeNull();
    const url = await t.app.get(LinksService).mint({
      kind: 'session',
      objectId: theirs.id,
      personId: mine.volunteer.id,
      version: 0,
      expiresAt: new Date(STARTS),
    });
    notFound(await open(codeOf(url)));
    notFound(await post(codeOf(url), 'cancel'));
    const still = await t.http.get(`/v1/sessions/${theirs.id}`).set(theirs.volunteer.auth);
    expect(still.body.status).toBe('booked');
  });

  it('limits failed requests per client IP (429 with Retry-After); live links from elsewhere still open', async () => {
    const { id, volunteer } = await session();
    const code = codeOf(await linkFor('session', id, volunteer.id));
    await redis.del(linkLimitKey(process.env.REDIS_PREFIX!, ip));
    // A live link does not use up the allowance.
    for (let i = 0; i < 5; i++) await open(code).expect(200);
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await open(`${'x'.repeat(21)}${i % 10}`)).status);
    expect(statuses).toEqual([...Array<number>(20).fill(404), 429]);
    const blocked = await open(code);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    ip = testIp();
    await open(code).expect(200);
  });

  it('puts a link that opens into the texts the delivery worker sends', async () => {
    const { id, volunteer } = await session();
    await consent(t, volunteer.id, [ConsentPurpose.SmsReminders], true);
    const [confirmation] = (await outboxAbout(t, `session:${id}`)).filter(
      (r) =>
        !isMail(r) && // the text, not its mail twin
        r.template === String(NotificationTemplate.SessionConfirmation) &&
        r.recipient_id === volunteer.id,
    );
    const before = fake.messages.length;
    expect(await t.app.get(DeliveryService).deliver(confirmation.id, clock.now())).toBe('sent');
    const [sent] = fake.messages.slice(before);
    const match = /See or change it: (https:\/\/vws\.example\.org\/l\/([A-Za-z0-9_-]{22}))/.exec(
      sent.body,
    );
    expect(match).not.toBeNull();
    const res = await open(match![2]).expect(200);
    expect(res.body.description).toBe('Your session');
    expect(sent.body).not.toContain('@');
  });

  it('puts a link for the downloader into the session invite, and none for a coordinator', async () => {
    const { id, volunteer } = await session();
    const calendar = async (user: TestUser) => {
      const res = await t.http
        .get(`/v1/sessions/${id}/calendar.ics`)
        .set(user.auth)
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (chunk: Buffer) => (text += chunk.toString()));
          r.on('end', () => done(null, text));
        })
        .expect(200);
      return res.body as string;
    };
    const url = /^URL(?:;[^:]*)?:https:\/\/vws\.example\.org\/l\/([A-Za-z0-9_-]{22})\r?$/m;
    const match = url.exec(await calendar(volunteer));
    expect(match).not.toBeNull();
    await open(match![1]).expect(200);
    expect(await calendar(coordinator)).not.toContain('/l/');
  });

  it('reuses the live invite link: downloads, even two at once, add one row and give one link', async () => {
    const { id, volunteer } = await session();
    const calendar = () =>
      t.http
        .get(`/v1/sessions/${id}/calendar.ics`)
        .set(volunteer.auth)
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (chunk: Buffer) => (text += chunk.toString()));
          r.on('end', () => done(null, text));
        })
        .expect(200);
    const linkIn = (res: { body: unknown }) =>
      /^URL(?:;[^:]*)?:(https:\/\/\S+)\r?$/m.exec(res.body as string)?.[1];
    const rows = async () =>
      (
        await t.db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM signed_link WHERE object_id = $1 AND person_id = $2`,
          [id, volunteer.id],
        )
      )[0].n;

    const first = linkIn(await calendar());
    const second = linkIn(await calendar());
    const [third, fourth] = (await Promise.all([calendar(), calendar()])).map(linkIn);
    expect(first).toMatch(/\/l\/[A-Za-z0-9_-]{22}$/);
    expect([second, third, fourth]).toEqual([first, first, first]);
    expect(await rows()).toBe(1);
    await open(codeOf(first!)).expect(200);

    // Moved: the old link dies with its version, and the next download makes the new one.
    await t.http
      .post(`/v1/sessions/${id}/reschedule`)
      .set(volunteer.auth)
      .send({ startsAt: '2027-03-10T11:00:00Z' })
      .expect(200);
    const moved = linkIn(await calendar());
    expect(moved).not.toBe(first);
    notFound(await open(codeOf(first!)));
    await open(codeOf(moved!)).expect(200);
    expect(linkIn(await calendar())).toBe(moved);
  });

  it('shows, moves and cancels a check-in call; each change kills the links made before it', async () => {
    clock.set('2027-03-01T09:00:00Z');
    const buddy = await verifiedBuddy(t, coordinator);
    const { volunteer } = await paired(t, buddy);
    const calls = await t.http
      .get('/v1/check-ins?from=2027-03-01T00:00:00Z&to=2027-03-20T00:00:00Z')
      .set(volunteer.auth)
      .expect(200);
    const call = calls.body.items[0] as Body;
    const code = codeOf(await linkFor('checkin', call.id as string, volunteer.id));
    const buddyCode = codeOf(await linkFor('checkin', call.id as string, buddy.id));

    const view = await open(code).expect(200);
    expect(view.body).toEqual({
      kind: 'checkin',
      description: 'Your check-in call',
      startsAt: call.startsAt,
      endsAt: null,
      can: { reschedule: true, cancel: true },
      meeting: null,
    });
    const to = new Date(new Date(call.startsAt.utc as string).getTime() + 3_600_000).toISOString();
    const moved = await post(code, 'reschedule', { startsAt: to }).expect(200);
    expect(moved.body).toMatchObject({ status: 'moved', description: 'Your check-in call' });
    expect(moved.body.startsAt.utc).toBe(to);
    notFound(await open(code));
    // The buddy's link to the same call, made before the move, died with it too.
    notFound(await open(buddyCode));
    const again = await t.http.get(`/v1/check-ins/${call.id}`).set(buddy.auth).expect(200);
    expect(again.body.sequence).toBe(1);

    // The buddy calls it off from a fresh link: the volunteer is told, the next call stays.
    const fresh = codeOf(await linkFor('checkin', call.id as string, buddy.id));
    await open(fresh).expect(200);
    const cancelled = await post(fresh, 'cancel').expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      description: 'Your check-in call',
    });
    notFound(await open(fresh));
    const gone = await t.http.get(`/v1/check-ins/${call.id}`).set(volunteer.auth).expect(200);
    expect(gone.body).toMatchObject({ status: 'cancelled', sequence: 2 });
    const told = await t.db.query<
      Array<{ recipient_id: string; template: string; channel: string | null }>
    >(
      `SELECT recipient_id, template, channel FROM notification
        WHERE about = $1 AND template = 'call_cancelled'`,
      [`checkin:${call.id}`],
    );
    // One text to the volunteer, and at most one mail (to the volunteer too).
    const tell = ({ recipient_id, template }: { recipient_id: string; template: string }) => ({
      recipient_id,
      template,
    });
    expect(told.filter((r) => r.channel !== 'email').map(tell)).toEqual([
      { recipient_id: volunteer.id, template: 'call_cancelled' },
    ]);
    expect(told.filter((r) => r.channel === 'email').map(tell)).toEqual(
      told.some((r) => r.channel === 'email')
        ? [{ recipient_id: volunteer.id, template: 'call_cancelled' }]
        : [],
    );
    const next = calls.body.items[1] as Body;
    await t.http
      .get(`/v1/check-ins/${next.id}`)
      .set(volunteer.auth)
      .expect(200)
      .expect((r) => expect(r.body.status).toBe('scheduled'));
  });
});
