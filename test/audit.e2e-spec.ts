import { randomUUID } from 'node:crypto';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';
import { therapist } from './factories/sessions';

/** The audit trail is complete: each audited action leaves a row with actor, target and request id. */
describe('audit trail', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
  });
  afterAll(() => t.close());

  const rid = () => `req-${randomUUID()}`;
  const rowsFor = (requestId: string) =>
    t.db.query(
      `SELECT id, actor_id, actor_role, action, target_type, target_id, details
         FROM audit_event WHERE request_id = $1 ORDER BY action, target_id`,
      [requestId],
    );

  it('writes a row, with the request id, for every audited action', async () => {
    const volunteer = await signUp(t);
    const reporter = await signUp(t);
    const steps: Array<{ requestId: string; expected: Record<string, unknown>[] }> = [];
    const step = (expected: Record<string, unknown>[]) => {
      const requestId = rid();
      steps.push({ requestId, expected });
      return requestId;
    };

    await t.http
      .post('/v1/me/consents')
      .set(volunteer.auth)
      .set(
        'X-Request-Id',
        step([{ action: 'consent.granted', actor_id: volunteer.id, target_id: volunteer.id }]),
      )
      .send({ purpose: 'data_processing', version: 1, granted: true })
      .expect(201);
    await t.http
      .post('/v1/me/consents')
      .set(volunteer.auth)
      .set(
        'X-Request-Id',
        step([{ action: 'consent.withdrawn', actor_id: volunteer.id, target_id: volunteer.id }]),
      )
      .send({ purpose: 'data_processing', version: 1, granted: false })
      .expect(201);
    await t.http
      .post('/v1/auth/login')
      .set(
        'X-Request-Id',
        step([{ action: 'auth.login_failed', actor_id: null, target_id: volunteer.id }]),
      )
      .send({ email: volunteer.email, password: 'not the password at all' })
      .expect(401);

    const { body: concern } = await t.http
      .post('/v1/concerns')
      .set(reporter.auth)
      .send({ subjectUserId: volunteer.id, category: 'other', details: 'd', urgency: 'low' })
      .expect(201);
    await t.http
      .get(`/v1/concerns/${concern.id}`)
      .set(coordinator.auth)
      .set(
        'X-Request-Id',
        step([{ action: 'concern.read', actor_id: coordinator.id, target_id: concern.id }]),
      )
      .expect(200);
    await t.http
      .get('/v1/concerns?limit=100')
      .set(coordinator.auth)
      .set(
        'X-Request-Id',
        step([{ action: 'concern.listed', actor_id: coordinator.id, target_id: concern.id }]),
      )
      .expect(200);
    await t.http
      .patch(`/v1/concerns/${concern.id}`)
      .set(coordinator.auth)
      .set(
        'X-Request-Id',
        step([
          { action: 'concern.note_added', actor_id: coordinator.id, target_id: concern.id },
          {
            action: 'concern.status_changed',
            actor_id: coordinator.id,
            target_id: concern.id,
            details: { from: 'open', to: 'triaged' },
          },
        ]),
      )
      .send({ status: 'triaged', reason: 'Reason kept out of the audit', note: 'Note too' })
      .expect(200);
    await t.http
      .get('/v1/me/export')
      .set(volunteer.auth)
      .set(
        'X-Request-Id',
        step([{ action: 'data.exported', actor_id: volunteer.id, target_id: volunteer.id }]),
      )
      .expect(200);
    await t.http
      .post('/v1/me/erasure')
      .set(volunteer.auth)
      .set(
        'X-Request-Id',
        step([{ action: 'data.erased', actor_id: volunteer.id, target_id: volunteer.id }]),
      )
      .expect(200);

    for (const { requestId, expected } of steps) {
      const rows = await rowsFor(requestId);
      const listed = rows.filter((r: { action: string; target_id: string }) =>
        r.action === 'concern.listed' ? r.target_id === concern.id : true,
      );
      expect({ requestId, rows: listed }).toEqual({
        requestId,
        rows: expected.map((e) => expect.objectContaining(e)),
      });
    }
    const all = JSON.stringify(
      await t.db.query(`SELECT * FROM audit_event WHERE target_id = $1`, [concern.id]),
    );
    expect(all).not.toMatch(/Reason kept|Note too/);
  });

  it("finds a coordinator's listing of people by the id of one person listed", async () => {
    const applicant = await therapist(t, coordinator, { verified: false });
    let listed = false;
    let cursor: string | undefined;
    for (let pages = 0; !listed && pages < 20; pages++) {
      const page = await t.http
        .get('/v1/vetting')
        .query({ status: 'pending', limit: 100, ...(cursor ? { cursor } : {}) })
        .set(coordinator.auth)
        .expect(200);
      listed = page.body.items.some((i: { userId: string }) => i.userId === applicant.id);
      cursor = page.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(listed).toBe(true);

    const search = await t.http
      .get('/v1/audit')
      .query({ target: applicant.id })
      .set(coordinator.auth)
      .expect(200);
    expect(search.body.items).toContainEqual(
      expect.objectContaining({
        action: 'vetting.listed',
        actorId: coordinator.id,
        targetType: 'account',
        targetId: applicant.id,
      }),
    );
  });

  it('filters by actor and time window, for coordinators only', async () => {
    const volunteer = await signUp(t);
    const [{ created }] = await t.db.query(
      `SELECT at AS created FROM audit_event WHERE actor_id = $1 AND action = 'account.created'`,
      [volunteer.id],
    );
    const from = new Date((created as Date).getTime() + 1).toISOString();
    for (const granted of [true, false]) {
      await t.http
        .post('/v1/me/consents')
        .set(volunteer.auth)
        .send({ purpose: 'sms_reminders', version: 1, granted })
        .expect(201);
    }
    const to = new Date(Date.now() + 1000).toISOString();
    const res = await t.http
      .get('/v1/audit')
      .query({ actor: volunteer.id, from, to })
      .set(coordinator.auth)
      .expect(200);
    expect(res.body.items.map((i: { action: string }) => i.action)).toEqual([
      'consent.withdrawn',
      'consent.granted',
    ]);
    const before = await t.http
      .get('/v1/audit')
      .query({ actor: volunteer.id, to: from })
      .set(coordinator.auth)
      .expect(200);
    expect(before.body.items.map((i: { action: string }) => i.action)).toEqual(['account.created']);
    await t.http.get('/v1/audit').query({ actor: 'me' }).set(coordinator.auth).expect(400);
    await t.http.get('/v1/audit').set(volunteer.auth).expect(403);
  });

  it("names who acted and whom it was about, and hides the reader's own reads when asked", async () => {
    const other = await createCoordinator(t);
    const volunteer = await signUp(t);
    await t.http.get(`/v1/people/${volunteer.id}`).set(coordinator.auth).expect(200);
    await t.http.get(`/v1/people/${volunteer.id}`).set(other.auth).expect(200);
    await t.http
      .post('/v1/me/consents')
      .set(volunteer.auth)
      .send({ purpose: 'sms_reminders', version: 1, granted: true })
      .expect(201);
    const trail = async (query: Record<string, string>) =>
      (
        await t.http
          .get('/v1/audit')
          .query({ target: volunteer.id, ...query })
          .set(coordinator.auth)
          .expect(200)
      ).body.items as Array<Record<string, unknown>>;
    const line = (actorId: string, action: string) =>
      expect.objectContaining({ actorId, action, targetId: volunteer.id });

    const all = await trail({});
    expect(all).toEqual([
      line(volunteer.id, 'consent.granted'),
      line(other.id, 'person.read'),
      line(coordinator.id, 'person.read'),
      line(volunteer.id, 'account.created'),
    ]);
    expect(all[0]).toMatchObject({
      actorName: 'Test volunteer',
      actorRole: 'volunteer',
      targetType: 'account',
      targetName: 'Test volunteer',
    });
    expect(all[1]).toMatchObject({ actorName: 'Coordinator', actorRole: 'coordinator' });

    const withoutMine = await trail({ hideMyReads: 'true' });
    expect(withoutMine).toEqual([
      line(volunteer.id, 'consent.granted'),
      line(other.id, 'person.read'),
      line(volunteer.id, 'account.created'),
    ]);
    expect(await trail({ hideMyReads: 'false' })).toHaveLength(4);
    const bad = await t.http
      .get('/v1/audit')
      .query({ hideMyReads: 'yes' })
      .set(coordinator.auth)
      .expect(400);
    expect(JSON.stringify(bad.body.errors)).toContain('hideMyReads');

    await t.http.post('/v1/me/erasure').set(volunteer.auth).expect(200);
    const afterErasure = await trail({});
    expect(afterErasure.find((i) => i.action === 'data.erased')).toMatchObject({
      actorId: volunteer.id,
      actorName: null,
      targetName: null,
    });
  });

  it('reads a line whose target is not an account id without failing', async () => {
    const target = `not-a-uuid-${randomUUID()}`;
    await t.db.query(
      `INSERT INTO audit_event (action, target_type, target_id, actor_id)
       VALUES ('person.read', 'account', $1, $2)`,
      [target, randomUUID()],
    );
    const res = await t.http.get('/v1/audit').query({ target }).set(coordinator.auth).expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ targetId: target, targetName: null, actorName: null }),
    ]);
  });

  it('pages through rows written in the same millisecond without losing any', async () => {
    const target = randomUUID();
    await t.db.query(
      `INSERT INTO audit_event (at, action, target_type, target_id)
       SELECT '2026-01-01T00:00:00Z'::timestamptz + (n || ' microseconds')::interval,
              'test.tick', 'test', $1
         FROM generate_series(1, 5) AS n`,
      [target],
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.http
        .get('/v1/audit')
        .query({ target, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(coordinator.auth)
        .expect(200);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(5);
  });

  it('cannot be altered: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const volunteer = await signUp(t);
    await t.http
      .post('/v1/me/consents')
      .set(volunteer.auth)
      .send({ purpose: 'sms_reminders', version: 1, granted: true })
      .expect(201);
    const [row] = await t.db.query(
      `SELECT id FROM audit_event WHERE target_id = $1 AND action = 'consent.granted'`,
      [volunteer.id],
    );
    await expect(
      t.db.query(`UPDATE audit_event SET actor_id = NULL WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_event WHERE id = $1`, [row.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});
