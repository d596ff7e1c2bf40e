import { AuditEvent } from '../src/audit/audit-event.entity';
import { DataRights } from '../src/common/data-rights.service';
import { DataRightsService } from '../src/consent/data-rights.service';
import { createCoordinator, createTestApp, PASSWORD, signUp, TestApp, TestUser } from './app';
import { findValues, uniquePerson } from './personal-data';

describe('data rights: export and erasure', () => {
  let t: TestApp;
  let coordinator: TestUser;
  /** A module's part as later modules will plug theirs in; remembers what it was asked to do. */
  const erasedIn: Array<{ userId: string; inTransaction: boolean }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
    t.app.get(DataRights).register({
      name: 'test_notes',
      export: (userId) => Promise.resolve([{ note: `notes of ${userId}` }]),
      erase: (userId, em) => {
        erasedIn.push({ userId, inTransaction: em.queryRunner?.isTransactionActive === true });
        return Promise.resolve();
      },
    });
  });
  afterAll(() => t.close());

  /** A volunteer with a unique name and phone, who has agreed to two purposes. */
  async function volunteerWithHistory() {
    const person = uniquePerson();
    const user = await signUp(t, undefined, person);
    for (const purpose of ['data_processing', 'sms_reminders']) {
      await t.http
        .post('/v1/me/consents')
        .set(user.auth)
        .send({ purpose, version: 1, granted: true })
        .expect(201);
    }
    await t.http
      .post(`/v1/people/${user.id}/consents`)
      .set(coordinator.auth)
      .send({ purpose: 'share_with_buddy', version: 1, granted: true })
      .expect(201);
    return { ...user, ...person };
  }

  const erase = (user: TestUser) => t.http.post('/v1/me/erasure').set(user.auth);

  it('exports the account, my consents and every registered part, and audits it', async () => {
    const user = await volunteerWithHistory();
    const res = await t.http.get('/v1/me/export').set(user.auth).expect(200);
    expect(res.body.account).toMatchObject({
      id: user.id,
      email: user.email,
      name: user.name,
      phone: user.phone,
      role: 'volunteer',
    });
    expect(res.body.consents.history).toHaveLength(3);
    expect(res.body.consents.purposes).toContainEqual(
      expect.objectContaining({ purpose: 'share_with_buddy', valid: true, channel: 'coordinator' }),
    );
    expect(res.body.parts.test_notes).toEqual([{ note: `notes of ${user.id}` }]);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);

    const audit = await t.db
      .getRepository(AuditEvent)
      .findBy({ targetId: user.id, action: 'data.exported' });
    expect(audit).toEqual([expect.objectContaining({ actorId: user.id })]);
    expect(JSON.stringify(audit)).not.toContain(user.email);
  });

  it('erases: nothing personal left in any table, no login, consent evidence kept', async () => {
    const user = await volunteerWithHistory();
    expect(await findValues(t.db, [user.email, user.name, user.phone])).not.toEqual([]);

    const res = await erase(user).expect(200);
    expect(res.body).toMatchObject({
      subjectId: user.id,
      requestedBy: user.id,
      parts: expect.arrayContaining(['test_notes']),
    });
    expect(erasedIn).toContainEqual({ userId: user.id, inTransaction: true });

    expect(await findValues(t.db, [user.email, user.name, user.phone])).toEqual([]);
    const [account] = await t.db.query(
      `SELECT email, password_hash, name, phone, erased_at FROM account WHERE id = $1`,
      [user.id],
    );
    expect(account).toMatchObject({ email: null, password_hash: null, name: 'Erased user' });
    expect(account.erased_at).toBeInstanceOf(Date);

    await t.http.post('/v1/auth/login').send({ email: user.email, password: PASSWORD }).expect(401);
    // Erasure revoked the token: 401 at once, on every route (revocation.e2e-spec.ts has more).
    await t.http.get('/v1/me').set(user.auth).expect(401);
    await t.http.get('/v1/me/export').set(user.auth).expect(401);
    await t.http.get('/v1/me/consents').set(user.auth).expect(401);
    await t.http
      .post('/v1/me/consents')
      .set(user.auth)
      .send({ purpose: 'data_processing', version: 1, granted: true })
      .expect(401);

    const ledger = await t.db.query(
      `SELECT purpose, evidence, recorded_by FROM consent_event WHERE subject_id = $1 ORDER BY seq`,
      [user.id],
    );
    expect(ledger.map((e: { purpose: string }) => e.purpose)).toEqual([
      'data_processing',
      'sms_reminders',
      'share_with_buddy',
    ]);
    expect(ledger[0].evidence).toMatchObject({ ip: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(ledger[2].recorded_by).toBe(coordinator.id);

    const audit = await t.db
      .getRepository(AuditEvent)
      .findBy({ targetId: user.id, action: 'data.erased' });
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: user.id,
        details: expect.objectContaining({ erasureId: res.body.id }),
      }),
    ]);
  });

  it('is idempotent: a repeat, and concurrent requests, give one erasure', async () => {
    const user = await volunteerWithHistory();
    const results = await Promise.all([erase(user), erase(user), erase(user)]);
    // A request whose token check ran after the first erasure committed meets a dead token (401);
    // every one that got through answers with the same erasure.
    const answered = results.filter((r) => r.status === 200);
    expect(results.filter((r) => r.status !== 200).map((r) => r.status)).toEqual(
      Array(results.length - answered.length).fill(401),
    );
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(new Set(answered.map((r) => r.body.id)).size).toBe(1);
    // A later repeat cannot pass the guard (the token died with the account); the service still
    // answers it with the first erasure.
    await erase(user).expect(401);
    const again = await t.app
      .get(DataRightsService)
      .erase({ id: user.id, role: user.role, timezone: 'Europe/London' });
    expect(JSON.parse(JSON.stringify(again))).toEqual(answered[0].body);

    const rows = await t.db.query(`SELECT 1 FROM erasure WHERE subject_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(erasedIn.filter((e) => e.userId === user.id)).toHaveLength(1);
    const audit = await t.db
      .getRepository(AuditEvent)
      .findBy({ targetId: user.id, action: 'data.erased' });
    expect(audit).toHaveLength(1);

    // The same race without the HTTP guard in front: three erasures at once in the service.
    const other = await volunteerWithHistory();
    const service = t.app.get(DataRightsService);
    const direct = await Promise.all(
      [1, 2, 3].map(() =>
        service.erase({ id: other.id, role: other.role, timezone: 'Europe/London' }),
      ),
    );
    expect(new Set(direct.map((e) => e.id)).size).toBe(1);
    const otherRows = await t.db.query(`SELECT 1 FROM erasure WHERE subject_id = $1`, [other.id]);
    expect(otherRows).toHaveLength(1);
  });

  it('lists erasures for coordinators only, paginated', async () => {
    const [a, b] = [await signUp(t), await signUp(t)];
    await erase(a).expect(200);
    await erase(b).expect(200);
    await t.http
      .get('/v1/erasures')
      .set((await signUp(t)).auth)
      .expect(403);

    // Walk one-item pages (other suites may erase people meanwhile): newest first, no repeats.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.http
        .get('/v1/erasures')
        .query({ limit: 1, ...(cursor ? { cursor } : {}) })
        .set(coordinator.auth)
        .expect(200);
      expect(page.body.items).toHaveLength(1);
      seen.push(page.body.items[0].subjectId as string);
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor && !seen.includes(a.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.indexOf(b.id)).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf(b.id)).toBeLessThan(seen.indexOf(a.id));
    await t.http.get('/v1/erasures?cursor=garbage').set(coordinator.auth).expect(400);
  });

  it('keeps the erasure record append-only', async () => {
    const user = await signUp(t);
    const { body } = await erase(user).expect(200);
    await expect(
      t.db.query(`UPDATE erasure SET parts = '{}' WHERE id = $1`, [body.id]),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM erasure WHERE id = $1`, [body.id])).rejects.toThrow(
      /append-only/,
    );
  });
});
