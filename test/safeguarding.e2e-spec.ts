import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/auth.decorators';
import { DomainEventMap, DomainEvents } from '../src/common/domain-events.service';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';
import { findValues, uniquePerson } from './personal-data';

describe('safeguarding concerns', () => {
  let t: TestApp;
  let coordinator: TestUser;
  const raised: Array<DomainEventMap['concern.raised'] & { inTransaction: boolean }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
    // Records what was published, and whether inside the transaction; the outbox is checked too.
    t.app.get(DomainEvents).on('concern.raised', (payload, em) => {
      raised.push({ ...payload, inTransaction: em.queryRunner?.isTransactionActive === true });
      return Promise.resolve();
    });
  });
  afterAll(() => t.close());

  const secret = () => `Shouted at a child by the water point ${randomUUID()}`;
  const raise = (by: TestUser, body: Record<string, unknown>) =>
    t.http.post('/v1/concerns').set(by.auth).send(body);
  const about = (subject: TestUser, extra: Record<string, unknown> = {}) => ({
    subjectUserId: subject.id,
    category: 'volunteer_behaviour',
    details: secret(),
    location: 'Calais, Rue des Verrotières',
    occurredAt: '2026-03-29T01:30:00+01:00',
    urgency: 'high',
    ...extra,
  });
  const get = (by: TestUser, id: string) => t.http.get(`/v1/concerns/${id}`).set(by.auth);
  const patch = (by: TestUser, id: string, body: Record<string, unknown>) =>
    t.http.patch(`/v1/concerns/${id}`).set(by.auth).send(body);
  const listIds = async (by: TestUser) =>
    (await t.http.get('/v1/concerns?limit=100').set(by.auth).expect(200)).body.items.map(
      (c: { id: string }) => c.id,
    );

  describe('who sees what', () => {
    let reporter: TestUser;
    let subject: TestUser;
    let others: Record<string, TestUser>;
    let id: string;
    let details: string;

    beforeAll(async () => {
      [reporter, subject] = [await signUp(t), await signUp(t)];
      others = {
        'another volunteer': await signUp(t),
        therapist: await signUp(t, Role.Therapist),
        buddy: await signUp(t, Role.Buddy),
      };
      const body = about(subject);
      details = body.details;
      const res = await raise(reporter, body).expect(201);
      id = res.body.id as string;
      expect(res.body).toEqual({
        id: expect.any(String),
        category: 'volunteer_behaviour',
        urgency: 'high',
        status: 'open',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      await patch(coordinator, id, { note: 'Spoke to the camp lead' }).expect(200);
    });

    it('gives the coordinator everything: details, notes, history', async () => {
      const res = await get(coordinator, id).expect(200);
      expect(res.body).toMatchObject({
        id,
        details,
        location: 'Calais, Rue des Verrotières',
        occurredAt: '2026-03-29T00:30:00.000Z',
        subjectUserId: subject.id,
        reporterId: reporter.id,
        history: [
          expect.objectContaining({ kind: 'raised', toStatus: 'open', actorId: null }),
          expect.objectContaining({ kind: 'note', note: 'Spoke to the camp lead' }),
        ],
      });
      expect(await listIds(coordinator)).toContain(id);
    });

    it('names the subject and the reporter for the coordinator, in the list and the concern', async () => {
      await t.db.query(`UPDATE account SET name = $2 WHERE id = $1`, [subject.id, 'Sol Subject']);
      await t.db.query(`UPDATE account SET name = $2 WHERE id = $1`, [reporter.id, 'Rae Reporter']);
      const names = { subjectName: 'Sol Subject', reporterName: 'Rae Reporter' };
      expect((await get(coordinator, id).expect(200)).body).toMatchObject(names);
      const list = await t.http.get('/v1/concerns?limit=100').set(coordinator.auth).expect(200);
      expect(list.body.items.find((c: { id: string }) => c.id === id)).toMatchObject(names);
      expect(JSON.stringify((await get(reporter, id).expect(200)).body)).not.toMatch(/Sol|Rae/);
    });

    it('gives the reporter the status of their own report, without notes or details', async () => {
      const res = await get(reporter, id).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(
        ['category', 'createdAt', 'id', 'status', 'updatedAt', 'urgency'].sort(),
      );
      expect(JSON.stringify(res.body)).not.toMatch(/camp lead|water point/);
      expect(await listIds(reporter)).toEqual([id]);
    });

    it('never shows the subject a concern about them', async () => {
      await get(subject, id).expect(404);
      expect(await listIds(subject)).toEqual([]);
    });

    it.each(['another volunteer', 'therapist', 'buddy'])('answers 404 to %s', async (who) => {
      const res = await get(others[who], id).expect(404);
      expect(res.body.type).toBe('/problems/not-found');
      expect(await listIds(others[who])).toEqual([]);
    });

    it('lets only coordinators triage', async () => {
      for (const user of [reporter, subject, ...Object.values(others)]) {
        await patch(user, id, { status: 'triaged', reason: 'x' }).expect(403);
      }
      const [row] = await t.db.query(`SELECT status FROM concern WHERE id = $1`, [id]);
      expect(row.status).toBe('open');
    });
  });

  it('publishes concern.raised in the transaction, with the urgency', async () => {
    const reporter = await signUp(t);
    const res = await raise(reporter, {
      subjectDescription: 'A man in a grey van offering rides to teenagers',
      category: 'child_at_risk',
      details: secret(),
      urgency: 'urgent',
    }).expect(201);
    expect(raised).toContainEqual({
      concernId: res.body.id,
      urgency: 'urgent',
      inTransaction: true,
    });
    // The notifications module turns it into an alert to every coordinator, due at once.
    const alerts = await t.db.query(
      `SELECT recipient_id, status, due_at <= now() AS due FROM notification WHERE about = $1`,
      [`concern:${res.body.id}`],
    );
    expect(alerts).toContainEqual({ recipient_id: coordinator.id, status: 'pending', due: true });

    const before = raised.length;
    await raise(reporter, { category: 'other', details: 'x', urgency: 'urgent' }).expect(400);
    expect(raised).toHaveLength(before);
  });

  it('keeps no plaintext in the rows, and the database refuses plaintext', async () => {
    const [reporter, subject] = [await signUp(t), await signUp(t)];
    const description = `Tall, red scarf, volunteers at the warehouse ${randomUUID()}`;
    const body = { ...about(subject), subjectUserId: undefined, subjectDescription: description };
    const { body: concern } = await raise(reporter, body).expect(201);
    const note = `Called the camp manager ${randomUUID()}`;
    const reason = `Credible and specific ${randomUUID()}`;
    const referredTo = `Pas-de-Calais child protection ${randomUUID()}`;
    await patch(coordinator, concern.id, { status: 'triaged', reason, note }).expect(200);
    await patch(coordinator, concern.id, { status: 'referred', reason, referredTo }).expect(200);

    const rows = await t.db.query(
      `SELECT row_to_json(c)::text AS raw FROM concern c WHERE id = $1
       UNION ALL SELECT row_to_json(e)::text FROM concern_entry e WHERE concern_id = $1`,
      [concern.id],
    );
    expect(rows).toHaveLength(5); // the concern; raised, triaged, note, referred
    for (const plaintext of [body.details, description, body.location, note, reason, referredTo]) {
      for (const { raw } of rows) expect(raw).not.toContain(plaintext);
    }
    const [sealed] = await t.db.query(
      `SELECT details_sealed, subject_description_sealed FROM concern WHERE id = $1`,
      [concern.id],
    );
    expect(sealed.details_sealed).toMatch(/^v1\.dev1\./);
    expect((await get(coordinator, concern.id).expect(200)).body).toMatchObject({
      details: body.details,
      subjectDescription: description,
      history: expect.arrayContaining([expect.objectContaining({ referredTo, reason })]),
    });

    await expect(
      t.db.query(`UPDATE concern SET details_sealed = 'in plain words' WHERE id = $1`, [
        concern.id,
      ]),
    ).rejects.toThrow(/concern_details_sealed/);
    await expect(
      t.db.query(`UPDATE concern_entry SET note_sealed = NULL WHERE concern_id = $1`, [concern.id]),
    ).rejects.toThrow(/append-only/);
  });

  describe('triage', () => {
    let concernId: string;
    let reporter: TestUser;
    let subject: TestUser;
    beforeAll(async () => {
      [reporter, subject] = [await signUp(t), await signUp(t)];
    });
    beforeEach(async () => {
      concernId = (await raise(reporter, about(subject)).expect(201)).body.id as string;
    });

    it('walks open -> triaged -> referred -> closed, each step with its reason', async () => {
      await patch(coordinator, concernId, { status: 'triaged', reason: 'Credible' }).expect(200);
      await patch(coordinator, concernId, {
        status: 'referred',
        reason: 'Needs the authority',
        referredTo: 'Local authority designated officer',
      }).expect(200);
      const closed = await patch(coordinator, concernId, {
        status: 'closed',
        reason: 'Authority took it on',
      }).expect(200);
      expect(closed.body.status).toBe('closed');
      expect(
        closed.body.history.map((e: { fromStatus: string; toStatus: string; actorId: string }) => [
          e.fromStatus,
          e.toStatus,
          e.actorId,
        ]),
      ).toEqual([
        [null, 'open', null],
        ['open', 'triaged', coordinator.id],
        ['triaged', 'referred', coordinator.id],
        ['referred', 'closed', coordinator.id],
      ]);
    });

    it.each([
      ['open -> referred', [], 'referred'],
      ['open -> closed', [], 'closed'],
      ['triaged -> triaged', ['triaged'], 'triaged'],
      ['closed -> triaged', ['triaged', 'closed'], 'triaged'],
    ])('refuses %s with 409', async (_case, path, to) => {
      for (const status of path) {
        await patch(coordinator, concernId, { status, reason: 'step' }).expect(200);
      }
      const body: Record<string, string> = { status: to, reason: 'jump' };
      if (to === 'referred') body.referredTo = 'Police';
      const res = await patch(coordinator, concernId, body).expect(409);
      expect(res.body).toMatchObject({ type: '/problems/invalid-transition', to });
    });

    it.each([
      ['a status without a reason', { status: 'triaged' }, 'reason'],
      ['a referral without to whom', { status: 'referred', reason: 'r' }, 'referredTo'],
      [
        'to whom without a referral',
        { status: 'triaged', reason: 'r', referredTo: 'Police' },
        'referredTo',
      ],
      ['nothing to change', {}, 'status'],
      ['a reason without a status', { reason: 'r', note: 'n' }, 'reason'],
      ['an unknown status', { status: 'deleted', reason: 'r' }, 'status'],
    ])('answers %s with 400 naming the field', async (_case, body, field) => {
      const res = await patch(coordinator, concernId, body).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const [row] = await t.db.query(`SELECT status FROM concern WHERE id = $1`, [concernId]);
      expect(row.status).toBe('open');
    });

    it('lets exactly one of two concurrent identical steps through', async () => {
      const step = { status: 'triaged', reason: 'Same time' };
      const results = await Promise.all([
        patch(coordinator, concernId, step),
        patch(coordinator, concernId, step),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const entries = await t.db.query(
        `SELECT 1 FROM concern_entry WHERE concern_id = $1 AND kind = 'status'`,
        [concernId],
      );
      expect(entries).toHaveLength(1);
    });

    it('answers 404 for an unknown concern and 400 for a malformed id', async () => {
      await patch(coordinator, randomUUID(), { note: 'n' }).expect(404);
      await get(coordinator, randomUUID()).expect(404);
      await get(coordinator, 'nope').expect(400);
    });
  });

  it('asks for exactly one subject, and a registered one when an id is given', async () => {
    const [reporter, subject] = [await signUp(t), await signUp(t)];
    const both = await raise(reporter, about(subject, { subjectDescription: 'someone' })).expect(
      400,
    );
    expect(both.body.errors.map((e: { field: string }) => e.field)).toContain('subjectUserId');
    await raise(reporter, about(subject, { subjectUserId: undefined })).expect(400);
    const unknown = await raise(reporter, about(subject, { subjectUserId: randomUUID() })).expect(
      422,
    );
    expect(unknown.body.type).toBe('/problems/unknown-subject');
    await raise(reporter, about(subject, { category: 'gossip' })).expect(400);
    await raise(reporter, about(subject, { urgency: 'asap' })).expect(400);
    await raise(reporter, about(subject, { occurredAt: 'yesterday' })).expect(400);
    expect(await listIds(reporter)).toEqual([]);
  });

  it('raises a wellbeing concern once when a buddy flags a check-in call', async () => {
    const [volunteer, buddy] = [await signUp(t), await signUp(t, Role.Buddy)];
    const event: DomainEventMap['checkin.concern'] = {
      checkinId: randomUUID(),
      pairingId: randomUUID(),
      volunteerId: volunteer.id,
      buddyId: buddy.id,
      reportedBy: buddy.id,
      startsAt: new Date('2026-04-02T17:00:00Z'),
      channel: 'phone',
    };
    const publish = () =>
      t.db.transaction((em) => t.app.get(DomainEvents).publish('checkin.concern', event, em));
    await publish();
    await publish();

    const rows = await t.db.query(
      `SELECT id, category, source, reporter_id, subject_user_id, urgency FROM concern
        WHERE checkin_id = $1`,
      [event.checkinId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        category: 'volunteer_wellbeing',
        source: 'checkin',
        reporter_id: buddy.id,
        subject_user_id: volunteer.id,
        urgency: 'medium',
      }),
    ]);
    expect(raised.filter((r) => r.concernId === rows[0].id)).toHaveLength(1);
    expect(await listIds(buddy)).toEqual([rows[0].id]);
    await get(volunteer, rows[0].id).expect(404);
  });

  describe('erasure', () => {
    it('keeps the concerns and puts one pseudonym in place of the reporter', async () => {
      const person = uniquePerson();
      const reporter = { ...(await signUp(t, undefined, person)), ...person };
      const subject = await signUp(t);
      const ids: string[] = [];
      for (let i = 0; i < 2; i++)
        ids.push((await raise(reporter, about(subject)).expect(201)).body.id);

      const exported = await t.http.get('/v1/me/export').set(reporter.auth).expect(200);
      expect(exported.body.parts.concerns.reported.map((c: { id: string }) => c.id)).toEqual(ids);
      expect(JSON.stringify(exported.body.parts.concerns)).not.toMatch(/water point|Calais/);

      const erasure = await t.http.post('/v1/me/erasure').set(reporter.auth).expect(200);
      expect(erasure.body.parts).toContain('concerns');

      const rows = await t.db.query(
        `SELECT id, reporter_id, reporter_pseudonym FROM concern WHERE id = ANY($1) ORDER BY id`,
        [ids],
      );
      expect(rows).toHaveLength(2);
      expect(rows.map((r: { reporter_id: string }) => r.reporter_id)).toEqual([null, null]);
      expect(rows[0].reporter_pseudonym).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));
      expect(rows[1].reporter_pseudonym).toBe(rows[0].reporter_pseudonym);
      expect(rows[0].reporter_pseudonym).not.toBe(reporter.id);
      expect(await findValues(t.db, [reporter.email, reporter.name, reporter.phone])).toEqual([]);

      const seen = await get(coordinator, ids[0]).expect(200);
      expect(seen.body).toMatchObject({
        reporterId: null,
        reporterPseudonym: rows[0].reporter_pseudonym,
        subjectUserId: subject.id,
        details: expect.stringMatching(/water point/),
      });
    });

    it('keeps concerns about a person who erases their data, and never shows them', async () => {
      const [reporter, subject] = [await signUp(t), await signUp(t)];
      const { body } = await raise(reporter, about(subject)).expect(201);
      const exported = await t.http.get('/v1/me/export').set(subject.auth).expect(200);
      expect(exported.body.parts.concerns.reported).toEqual([]);
      await t.http.post('/v1/me/erasure').set(subject.auth).expect(200);
      expect((await get(coordinator, body.id).expect(200)).body.subjectUserId).toBe(subject.id);
      expect((await get(reporter, body.id).expect(200)).body.status).toBe('open');
    });
  });

  describe('Idempotency-Key', () => {
    const filed = async (reporter: TestUser) =>
      (
        await t.db.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM concern WHERE reporter_id = $1`,
          [reporter.id],
        )
      )[0].n;

    it('files one concern for two requests sent at once with the same key, both answered alike', async () => {
      const [reporter, subject] = [await signUp(t), await signUp(t)];
      const body = about(subject, { urgency: 'urgent' });
      const [a, b] = await Promise.all(
        [1, 2].map(() => raise(reporter, body).set('Idempotency-Key', 'concern-retry-1')),
      );
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body).toEqual(a.body);
      expect(await filed(reporter)).toBe(1);

      // A retry later: the first answer, nothing new; a new key files a new one.
      const retry = await raise(reporter, body)
        .set('Idempotency-Key', 'concern-retry-1')
        .expect(201);
      expect(retry.body).toEqual(a.body);
      expect(await filed(reporter)).toBe(1);
      await raise(reporter, body).set('Idempotency-Key', 'concern-retry-2').expect(201);
      expect(await filed(reporter)).toBe(2);
    });

    it('refuses the same key with another body (422) and a malformed key (400)', async () => {
      const [reporter, subject] = [await signUp(t), await signUp(t)];
      await raise(reporter, about(subject)).set('Idempotency-Key', 'k-1').expect(201);
      const other = await raise(reporter, about(subject)).set('Idempotency-Key', 'k-1').expect(422);
      expect(other.body).toMatchObject({ type: '/problems/idempotency-key-reused' });
      await raise(reporter, about(subject)).set('Idempotency-Key', 'with space').expect(400);
      expect(await filed(reporter)).toBe(1);
    });
  });
});
