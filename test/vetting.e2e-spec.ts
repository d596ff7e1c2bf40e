import { schedulesConfig } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import { DomainEventMap, DomainEvents } from '../src/common/domain-events.service';
import { Periodic } from '../src/common/periodic.service';
import { PeopleService } from '../src/people/people.service';
import { VettingProcessor } from '../src/people/vetting/vetting.processor';
import { VettingService } from '../src/people/vetting/vetting.service';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { buddyProfile, therapistProfile } from './people.fixtures';

/**
 * The clock starts in 2020 so that this file's vetting dates lie years before anyone else's: the
 * expiry sweep, which works on the whole table, then touches only the rows made here.
 */
describe('vetting', () => {
  const clock = new TestClock('2020-01-15T12:00:00Z');
  let t: TestApp;
  let coordinator: TestUser;
  let people: PeopleService;
  let vetting: VettingService;
  const published: Array<{ name: string; payload: { userId: string } }> = [];

  beforeAll(async () => {
    t = await createTestApp({ clock });
    coordinator = await createCoordinator(t);
    people = t.app.get(PeopleService);
    vetting = t.app.get(VettingService);
    const events = t.app.get(DomainEvents);
    for (const name of ['vetting.expiring', 'vetting.expired'] as const) {
      events.on(name, (payload: DomainEventMap[typeof name]) => {
        published.push({ name, payload });
        return Promise.resolve();
      });
    }
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set('2020-01-15T12:00:00Z'));

  const verify = (userId: string, body: object = { evidence: 'Register entry seen' }) =>
    t.http.post(`/v1/vetting/${userId}/verify`).set(coordinator.auth).send(body);
  const suspend = (userId: string, reason = 'Concern raised by a volunteer') =>
    t.http.post(`/v1/vetting/${userId}/suspend`).set(coordinator.auth).send({ reason });
  const person = (userId: string) =>
    t.http.get(`/v1/people/${userId}`).set(coordinator.auth).expect(200);
  const applicant = async (
    role: Role.Therapist | Role.Buddy = Role.Therapist,
    profile?: object,
  ) => {
    const user = await signUp(t, role);
    const body = profile ?? (role === Role.Therapist ? therapistProfile() : buddyProfile());
    await t.http.put('/v1/me/profile').set(user.auth).send(body).expect(200);
    return user;
  };
  const eventsFor = (name: string, userId: string) =>
    published.filter((e) => e.name === name && e.payload.userId === userId);

  it('refuses everyone but coordinators on every vetting route with 403', async () => {
    const target = await applicant();
    for (const role of [Role.Volunteer, Role.Therapist, Role.Buddy] as const) {
      const user = await signUp(t, role);
      await t.http.get('/v1/vetting?status=pending').set(user.auth).expect(403);
      await t.http
        .post(`/v1/vetting/${target.id}/verify`)
        .set(user.auth)
        .send({ evidence: 'I say so' })
        .expect(403);
      await t.http
        .post(`/v1/vetting/${target.id}/suspend`)
        .set(user.auth)
        .send({ reason: 'Because' })
        .expect(403);
    }
    expect((await person(target.id)).body.vettingStatus).toBe('pending');
  });

  it('lists pending applicants oldest first, page by page', async () => {
    clock.set('2019-03-01T09:00:00Z');
    const therapist = await applicant();
    const buddy = await applicant(Role.Buddy, {
      ...buddyProfile(),
      dbs: { ...buddyProfile().dbs, issuedOn: '2018-05-01' },
    });
    const seen: Array<{ userId: string; since: string; vettingStatus: string }> = [];
    let cursor: string | undefined;
    do {
      const { body } = await t.http
        .get('/v1/vetting')
        .query({ status: 'pending', limit: 2, ...(cursor ? { cursor } : {}) })
        .set(coordinator.auth)
        .expect(200);
      seen.push(...body.items);
      cursor = body.nextCursor ?? undefined;
    } while (cursor);
    const ids = seen.map((i) => i.userId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(seen.every((i) => i.vettingStatus === 'pending')).toBe(true);
    const since = seen.map((i) => i.since);
    expect(since).toEqual([...since].sort());
    expect(seen.find((i) => i.userId === therapist.id)).toMatchObject({
      role: 'therapist',
      name: 'Test therapist',
      membershipBody: 'BACP',
      membershipNumber: '012345',
      vettingExpiresOn: null,
    });
    expect(seen.find((i) => i.userId === buddy.id)).toMatchObject({
      role: 'buddy',
      dbsCertificateNumber: '001234567890',
      dbsLevel: 'enhanced',
    });
    await t.http.get('/v1/vetting?status=sleeping').set(coordinator.auth).expect(400);
  });

  it('verifies, renews, suspends and reinstates, keeping every decision', async () => {
    const therapist = await applicant();
    const verified = await verify(therapist.id).expect(200);
    expect(verified.body).toMatchObject({
      userId: therapist.id,
      vettingStatus: 'verified',
      vettingExpiresOn: '2021-01-15',
      verifiedBy: coordinator.id,
    });
    expect(await people.matchableIds('therapist', [therapist.id])).toEqual([therapist.id]);
    const me = await t.http.get('/v1/me').set(therapist.auth).expect(200);
    expect(me.body).toMatchObject({ vettingStatus: 'verified', vettingExpiresOn: '2021-01-15' });

    const same = await verify(therapist.id, { evidence: 'again', expiresOn: '2021-01-15' }).expect(
      409,
    );
    expect(same.body).toMatchObject({ type: '/problems/invalid-vetting-transition' });
    await verify(therapist.id, { evidence: 'Renewed', expiresOn: '2021-02-01' }).expect(200);

    await suspend(therapist.id).expect(200);
    expect(await people.matchableIds('therapist', [therapist.id])).toEqual([]);
    const again = await suspend(therapist.id).expect(409);
    expect(again.body).toMatchObject({ vettingStatus: 'suspended', action: 'suspend' });

    const reinstated = await verify(therapist.id, { evidence: 'Concern closed' }).expect(200);
    expect(reinstated.body).toMatchObject({ vettingStatus: 'verified', suspendedAt: null });

    const { body } = await person(therapist.id);
    expect(body).toMatchObject({ vettingStatus: 'verified', vettingExpiresOn: '2021-01-15' });
    expect(
      body.vettingHistory.map((d: Record<string, unknown>) => [
        d.decision,
        d.fromStatus,
        d.toStatus,
        d.note,
      ]),
    ).toEqual([
      ['submitted', null, 'pending', null],
      ['verified', 'pending', 'verified', 'Register entry seen'],
      ['verified', 'verified', 'verified', 'Renewed'],
      ['suspended', 'verified', 'suspended', 'Concern raised by a volunteer'],
      ['verified', 'suspended', 'verified', 'Concern closed'],
    ]);
    const audit = await t.db.query(
      `SELECT action, actor_id, details FROM audit_event
        WHERE target_id = $1 AND action LIKE 'vetting.%' ORDER BY at, action`,
      [therapist.id],
    );
    expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
      'vetting.submitted',
      'vetting.suspended',
      'vetting.verified',
      'vetting.verified',
      'vetting.verified',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Register entry|Concern/);
  });

  it('keeps the history append-only and each status consistent in the database', async () => {
    const therapist = await applicant();
    await expect(
      t.db.query(`UPDATE vetting_decision SET to_status = 'verified' WHERE account_id = $1`, [
        therapist.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(`DELETE FROM vetting_decision WHERE account_id = $1`, [therapist.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(`UPDATE vetting SET status = 'verified' WHERE account_id = $1`, [therapist.id]),
    ).rejects.toThrow(/vetting_state_check/);
  });

  it('answers 404 for people who are not vetted, 409 before a profile, 422 for a bad expiry', async () => {
    const volunteer = await signUp(t);
    await verify(volunteer.id).expect(404);
    await verify('0b6f2d57-5c2e-4f57-8f0a-3d7c1e9b2a11').expect(404);
    await t.http
      .post('/v1/vetting/nope/verify')
      .set(coordinator.auth)
      .send({ evidence: 'x y z' })
      .expect(400);

    const newcomer = await signUp(t, Role.Therapist);
    const missing = await verify(newcomer.id).expect(409);
    expect(missing.body.type).toBe('/problems/profile-missing');

    const therapist = await applicant();
    await verify(therapist.id, { evidence: 'seen', expiresOn: '2020-01-15' }).expect(422);
    await verify(therapist.id, { evidence: 'seen', expiresOn: '2025-01-16' }).expect(422);
    const bad = await verify(therapist.id, { evidence: 'seen', expiresOn: '15/01/2021' }).expect(
      400,
    );
    expect(bad.body.errors[0].field).toBe('expiresOn');
    expect((await person(therapist.id)).body.vettingStatus).toBe('pending');
  });

  it('dates a buddy’s vetting from the DBS issue date and refuses a lapsed one', async () => {
    const dbs = buddyProfile().dbs;
    const buddy = await applicant(Role.Buddy, {
      ...buddyProfile(),
      dbs: { ...dbs, issuedOn: '2018-06-01' },
    });
    const ok = await verify(buddy.id).expect(200);
    expect(ok.body.vettingExpiresOn).toBe('2021-06-01');
    expect(await people.matchableIds('buddy', [buddy.id])).toEqual([buddy.id]);
    expect(await people.matchableIds('therapist', [buddy.id])).toEqual([]);

    const old = await applicant(Role.Buddy, {
      ...buddyProfile(),
      dbs: { ...dbs, issuedOn: '2016-06-01' },
    });
    const lapsed = await verify(old.id).expect(422);
    expect(lapsed.body.type).toBe('/problems/dbs-recheck-due');
  });

  it('sends a verified person back to the queue when what was verified changes', async () => {
    const therapist = await applicant();
    await verify(therapist.id).expect(200);
    const save = (change: object) =>
      t.http
        .put('/v1/me/profile')
        .set(therapist.auth)
        .send({ ...therapistProfile(), ...change })
        .expect(200);

    await save({ bio: 'Now also EMDR.' });
    expect((await person(therapist.id)).body.vettingStatus).toBe('verified');

    await save({ membershipNumber: '7654321' });
    const { body } = await person(therapist.id);
    expect(body).toMatchObject({ vettingStatus: 'pending', vettingExpiresOn: null });
    expect(body.vettingHistory.at(-1)).toMatchObject({
      decision: 'resubmitted',
      fromStatus: 'verified',
    });
    expect(await people.matchableIds('therapist', [therapist.id])).toEqual([]);
  });

  it('rejects a pending application with a reason the applicant sees, until they correct it', async () => {
    const therapist = await applicant();
    const reject = (reason: unknown) =>
      t.http.post(`/v1/vetting/${therapist.id}/reject`).set(coordinator.auth).send({ reason });
    const auditRows = () =>
      t.db.query<Array<{ action: string }>>(
        `SELECT action FROM audit_event WHERE target_id = $1 AND action = 'vetting.rejected'`,
        [therapist.id],
      );

    await reject('').expect(400);
    expect((await person(therapist.id)).body.vettingStatus).toBe('pending');

    const reason = 'We could not find 012345 on the BACP register. Please check the number.';
    const res = await reject(reason).expect(200);
    expect(res.body).toMatchObject({ userId: therapist.id, vettingStatus: 'rejected' });
    expect(await auditRows()).toHaveLength(1);
    const { body: me } = await t.http.get('/v1/me').set(therapist.auth).expect(200);
    expect(me).toMatchObject({ vettingStatus: 'rejected', vettingRejectedReason: reason });
    expect((await person(therapist.id)).body.vettingHistory.at(-1)).toMatchObject({
      decision: 'rejected',
      fromStatus: 'pending',
      toStatus: 'rejected',
      note: reason,
    });
    expect(await people.matchableIds('therapist', [therapist.id])).toEqual([]);
    await reject('Again').expect(409);
    await t.http
      .post(`/v1/vetting/${therapist.id}/reject`)
      .set(therapist.auth)
      .send({ reason: 'Mine' })
      .expect(403);

    await t.http
      .put('/v1/me/profile')
      .set(therapist.auth)
      .send({ ...therapistProfile(), membershipNumber: '012346' })
      .expect(200);
    const { body: after } = await t.http.get('/v1/me').set(therapist.auth).expect(200);
    expect(after).toMatchObject({ vettingStatus: 'pending', vettingRejectedReason: null });
    await verify(therapist.id).expect(200);
  });

  describe('expiry', () => {
    it('warns once 30 days ahead, then expires a lapsed therapist out of the matchable set', async () => {
      const therapist = await applicant();
      await verify(therapist.id, { evidence: 'seen', expiresOn: '2020-03-01' }).expect(200);
      expect(await people.matchableIds('therapist', [therapist.id])).toEqual([therapist.id]);

      clock.set('2020-01-30T00:10:00Z');
      await vetting.expireLapsed(clock.now());
      expect(eventsFor('vetting.expiring', therapist.id)).toHaveLength(0);

      clock.set('2020-01-31T00:10:00Z');
      await vetting.expireLapsed(clock.now());
      await vetting.expireLapsed(clock.now());
      clock.set('2020-02-10T00:10:00Z');
      await vetting.expireLapsed(clock.now());
      expect(eventsFor('vetting.expiring', therapist.id)).toEqual([
        { name: 'vetting.expiring', payload: { userId: therapist.id, expiresOn: '2020-03-01' } },
      ]);
      expect(await people.matchableIds('therapist', [therapist.id])).toEqual([therapist.id]);

      // On the expiry day the rule already excludes them, before the sweep has run.
      clock.set('2020-03-01T00:05:00Z');
      expect(await people.matchableIds('therapist', [therapist.id])).toEqual([]);
      expect((await person(therapist.id)).body.vettingStatus).toBe('verified');

      const runs = await Promise.all([1, 2].map(() => vetting.expireLapsed(clock.now())));
      expect(runs.flatMap((r) => r.expired).filter((id) => id === therapist.id)).toEqual([
        therapist.id,
      ]);
      expect(eventsFor('vetting.expired', therapist.id)).toHaveLength(1);
      const { body } = await person(therapist.id);
      expect(body).toMatchObject({ vettingStatus: 'expired', vettingExpiresOn: '2020-03-01' });
      expect(body.vettingHistory.at(-1)).toMatchObject({ decision: 'expired', decidedBy: null });
      expect(await people.matchableIds('therapist')).not.toContain(therapist.id);

      // A renewal brings them back, and its own expiry date is warned about again.
      await verify(therapist.id, { evidence: 'Renewed', expiresOn: '2020-03-20' }).expect(200);
      expect(await people.matchableIds('therapist', [therapist.id])).toEqual([therapist.id]);
      await vetting.expireLapsed(clock.now());
      expect(eventsFor('vetting.expiring', therapist.id).map((e) => e.payload)).toEqual([
        { userId: therapist.id, expiresOn: '2020-03-01' },
        { userId: therapist.id, expiresOn: '2020-03-20' },
      ]);
    });

    it('runs the sweep from the worker’s processor on the clock', async () => {
      const therapist = await applicant();
      await verify(therapist.id, { evidence: 'seen', expiresOn: '2020-01-20' }).expect(200);
      clock.set('2020-01-21T00:10:00Z');
      const processor = new VettingProcessor(
        vetting,
        t.app.get(Periodic),
        clock,
        t.app.get(schedulesConfig.KEY),
      );
      const result = await processor.expireLapsed();
      expect(result.expired).toBeGreaterThanOrEqual(1);
      expect((await person(therapist.id)).body.vettingStatus).toBe('expired');
    });
  });
});
