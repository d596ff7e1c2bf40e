import { DataSource } from 'typeorm';
import { createCoordinator, createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import {
  buddyRequest,
  paired,
  verifiedBuddy,
  volunteer as buddyVolunteer,
} from './factories/checkins';
import { sessionRequest, volunteer } from './factories/sessions';
import { isolateDatabaseAndRedis } from './isolated-env';

const NOW = new Date('2027-03-01T09:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

/** Its own database: the counts are of every request, so other files' requests would show. */
describe('requests unmatched for over 7 days (coordinator home)', () => {
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('unmatched_requests');
    t = await createTestApp({ clock: new TestClock(NOW) });
    coordinator = await createCoordinator(t);
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.flushRedis();
    await env?.drop();
  });

  const madeAt = (table: 'session_request' | 'buddy_request', id: string, at: Date) =>
    t.app.get(DataSource).query(`UPDATE ${table} SET created_at = $2 WHERE id = $1`, [id, at]);

  let oldSession: string;
  let oldBuddy: string;
  let waitingVolunteer: TestUser;

  it('counts session and buddy requests older than 7 days that nothing answered', async () => {
    const v1 = await volunteer(t);
    oldSession = await sessionRequest(t, v1);
    await madeAt('session_request', oldSession, daysAgo(8));
    const v2 = await volunteer(t);
    await madeAt('session_request', await sessionRequest(t, v2), daysAgo(2));
    const gaveUp = await volunteer(t);
    const withdrawn = await sessionRequest(t, gaveUp);
    await madeAt('session_request', withdrawn, daysAgo(9));
    await t.http.post(`/v1/session-requests/${withdrawn}/withdraw`).set(gaveUp.auth).expect(200);

    waitingVolunteer = await buddyVolunteer(t);
    oldBuddy = (await buddyRequest(t, waitingVolunteer)).id;
    await madeAt('buddy_request', oldBuddy, daysAgo(10));
    const buddy = await verifiedBuddy(t, coordinator);
    const matched = await paired(t, buddy);
    await madeAt('buddy_request', matched.requestId, daysAgo(10));

    const res = await t.http.get('/v1/requests/unmatched').set(coordinator.auth).expect(200);
    expect(res.body).toEqual({
      olderThan: daysAgo(7).toISOString(),
      sessionRequests: 1,
      buddyRequests: 1,
    });
    await t.http.get('/v1/requests/unmatched').set(v1.auth).expect(403);
  });

  it('lists the same requests with who asked, what for and since when, each read audited', async () => {
    const res = await t.http.get('/v1/requests/unmatched/list').set(coordinator.auth).expect(200);
    expect(res.body).toEqual({
      olderThan: daysAgo(7).toISOString(),
      sessionRequests: [
        expect.objectContaining({
          id: oldSession,
          volunteerName: 'Amira Haddad',
          modality: 'video',
          languages: ['en'],
          createdAt: daysAgo(8).toISOString(),
        }),
      ],
      buddyRequests: [
        expect.objectContaining({
          id: oldBuddy,
          volunteerId: waitingVolunteer.id,
          volunteerName: 'Amira Haddad',
          channel: 'phone',
          createdAt: daysAgo(10).toISOString(),
        }),
      ],
    });
    expect(res.body.sessionRequests[0]).not.toHaveProperty('note');
    expect(res.body.buddyRequests[0]).not.toHaveProperty('skypeHandle');

    const reads = await t.app.get(DataSource).query<Array<{ action: string; target_id: string }>>(
      `SELECT action, target_id FROM audit_event WHERE actor_id = $1 AND action LIKE '%.listed'
          ORDER BY action`,
      [coordinator.id],
    );
    expect(reads).toEqual([
      { action: 'buddy_request.listed', target_id: oldBuddy },
      { action: 'session_request.listed', target_id: oldSession },
    ]);
    await t.http.get('/v1/requests/unmatched/list').set(waitingVolunteer.auth).expect(403);
  });
});
