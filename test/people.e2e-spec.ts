import { Role } from '../src/common/auth.decorators';
import { DataRights } from '../src/common/data-rights.service';
import { PeopleService } from '../src/people/people.service';
import { createCoordinator, createTestApp, signUp, TestApp, TestUser } from './app';
import { buddyProfile, daysFromToday, therapistProfile, volunteerProfile } from './people.fixtures';

describe('people: profiles and privacy', () => {
  let t: TestApp;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    coordinator = await createCoordinator(t);
  });
  afterAll(() => t.close());

  const put = (user: TestUser, body: object) =>
    t.http.put('/v1/me/profile').set(user.auth).send(body);
  const me = (user: TestUser) => t.http.get('/v1/me').set(user.auth).expect(200);

  it('saves a volunteer profile, updates the account, and derives the phase', async () => {
    const volunteer = await signUp(t);
    const saved = await put(volunteer, volunteerProfile()).expect(200);
    expect(saved.body).toMatchObject({ id: volunteer.id, name: 'Amira Haddad' });

    const { body } = await me(volunteer);
    expect(body).toMatchObject({
      id: volunteer.id,
      email: volunteer.email,
      role: 'volunteer',
      name: 'Amira Haddad',
      phone: '+447911123456',
      timezone: 'Europe/London',
      profile: {
        preferredName: 'Ami',
        languages: ['en', 'ar'],
        organisation: "Help Refugees / L'Auberge",
        deployments: [{ location: 'Calais', country: 'FR', endsOn: daysFromToday(-15) }],
        phase: 'returned',
        returnedOn: daysFromToday(-15),
        weeksSinceReturn: 2,
      },
    });
    expect(body).not.toHaveProperty('vettingStatus');

    const view = await t.app.get(PeopleService).volunteerProfile(volunteer.id);
    expect(view).toEqual({
      userId: volunteer.id,
      languages: ['en', 'ar'],
      timezone: 'Europe/London',
      phase: 'returned',
      returnedOn: daysFromToday(-15),
      weeksSinceReturn: 2,
      returnsOn: null,
    });
  });

  it('replaces deployments on each PUT and shows a volunteer in the field as deployed', async () => {
    const volunteer = await signUp(t);
    await put(volunteer, volunteerProfile()).expect(200);
    const inCamp = {
      location: 'Moria, Lesvos',
      country: 'GR',
      startsOn: daysFromToday(-3),
      endsOn: daysFromToday(20),
    };
    await put(volunteer, { ...volunteerProfile(), deployments: [inCamp] }).expect(200);
    const { body } = await me(volunteer);
    expect(body.profile.deployments).toEqual([inCamp]);
    expect(body.profile).toMatchObject({ phase: 'deployed', returnsOn: inCamp.endsOn });
  });

  it('a new therapist gets the defaults and starts pending', async () => {
    const therapist = await signUp(t, Role.Therapist);
    const { membershipBody, membershipNumber, languages } = therapistProfile();
    const minimal = { membershipBody, membershipNumber, modalities: ['video'], languages };
    await put(therapist, minimal).expect(200);
    const { body } = await me(therapist);
    expect(body).toMatchObject({
      vettingStatus: 'pending',
      vettingExpiresOn: null,
      profile: { sessionMinutes: 50, monthlyCapacity: 2, minimumNoticeHours: 24, town: null },
    });
    const [view] = await t.app.get(PeopleService).therapistProfiles([therapist.id]);
    expect(view).toMatchObject({
      userId: therapist.id,
      timezone: 'Europe/London',
      membershipBody: 'BACP',
      vettingStatus: 'pending',
      vettingExpiresOn: null,
    });
    expect(await t.app.get(PeopleService).matchableIds('therapist', [therapist.id])).toEqual([]);
  });

  it('saves a buddy profile with DBS details', async () => {
    const buddy = await signUp(t, Role.Buddy);
    await put(buddy, buddyProfile()).expect(200);
    const { body } = await me(buddy);
    expect(body).toMatchObject({
      timezone: 'Europe/Athens',
      vettingStatus: 'pending',
      profile: { kind: 'humanitarian', maxActivePairings: 2, membershipBody: null },
    });
    expect(body.profile.dbs).toEqual(buddyProfile().dbs);
    const [view] = await t.app.get(PeopleService).buddyProfiles([buddy.id, coordinator.id]);
    expect(view).toEqual({
      userId: buddy.id,
      name: 'Test buddy',
      kind: 'humanitarian',
      languages: ['en', 'el'],
      timezone: 'Europe/Athens',
      maxActivePairings: 2,
      vettingStatus: 'pending',
      vettingExpiresOn: null,
    });
  });

  describe('validation: 400 naming the field, and nothing written', () => {
    const users = {} as Record<'volunteer' | 'therapist' | 'buddy', TestUser>;
    beforeAll(async () => {
      users.volunteer = await signUp(t, Role.Volunteer);
      users.therapist = await signUp(t, Role.Therapist);
      users.buddy = await signUp(t, Role.Buddy);
    });

    const valid = { volunteer: volunteerProfile, therapist: therapistProfile, buddy: buddyProfile };
    const deployment = volunteerProfile().deployments[0];
    const dbs = buddyProfile().dbs;

    it.each([
      ['volunteer', 'bad timezone', { timezone: 'Europe/Paris2' }, 'timezone'],
      ['volunteer', 'bad phone', { phone: '+44 7911 123456' }, 'phone'],
      ['volunteer', 'unknown language code', { languages: ['en', 'xx'] }, 'languages'],
      ['volunteer', 'no language', { languages: [] }, 'languages'],
      [
        'volunteer',
        'deployment ending before it starts',
        { deployments: [{ ...deployment, startsOn: '2026-05-10', endsOn: '2026-05-09' }] },
        'deployments.0.endsOn',
      ],
      [
        'volunteer',
        'impossible date',
        { deployments: [{ ...deployment, startsOn: '2026-02-30' }] },
        'deployments.0.startsOn',
      ],
      [
        'volunteer',
        'unknown country',
        { deployments: [{ ...deployment, country: 'XX' }] },
        'deployments.0.country',
      ],
      [
        'volunteer',
        'overlapping deployments',
        {
          deployments: [
            { ...deployment, startsOn: '2026-01-01', endsOn: '2026-01-31' },
            { ...deployment, startsOn: '2026-01-31', endsOn: '2026-02-20' },
          ],
        },
        'deployments',
      ],
      ['volunteer', 'a therapist field', { membershipBody: 'BACP' }, 'membershipBody'],
      ['therapist', 'bad timezone', { timezone: 'GMT+1' }, 'timezone'],
      ['therapist', 'bad phone', { phone: '12345' }, 'phone'],
      ['therapist', 'unknown language code', { languages: ['english'] }, 'languages'],
      ['therapist', 'negative capacity', { monthlyCapacity: -1 }, 'monthlyCapacity'],
      ['therapist', 'negative buffer', { bufferMinutes: -5 }, 'bufferMinutes'],
      [
        'therapist',
        'membership number with letters',
        { membershipNumber: 'B12345' },
        'membershipNumber',
      ],
      ['therapist', 'unknown body', { membershipBody: 'BPS' }, 'membershipBody'],
      ['therapist', 'unknown modality', { modalities: ['carrier pigeon'] }, 'modalities'],
      ['therapist', 'in person without a town', { town: undefined }, 'town'],
      ['buddy', 'bad timezone', { timezone: 'Athens' }, 'timezone'],
      ['buddy', 'bad phone', { phone: '+3069' }, 'phone'],
      ['buddy', 'unknown language code', { languages: ['gr'] }, 'languages'],
      ['buddy', 'negative capacity', { maxActivePairings: -1 }, 'maxActivePairings'],
      [
        'buddy',
        'an 11-digit DBS number',
        { dbs: { ...dbs, certificateNumber: '00123456789' } },
        'dbs.certificateNumber',
      ],
      ['buddy', 'unknown DBS level', { dbs: { ...dbs, level: 'extra' } }, 'dbs.level'],
      [
        'buddy',
        'a DBS certificate from the future',
        { dbs: { ...dbs, issuedOn: daysFromToday(3) } },
        'dbs.issuedOn',
      ],
      ['buddy', 'therapist kind without membership', { kind: 'therapist' }, 'membershipBody'],
      [
        'buddy',
        'humanitarian with a membership number',
        { membershipNumber: '123456' },
        'membershipNumber',
      ],
    ] as const)('%s: %s', async (role, _case, change, field) => {
      const user = users[role];
      const res = await put(user, { ...valid[role](), ...change }).expect(400);
      expect(res.body).toMatchObject({ type: '/problems/validation-failed', status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      const { body } = await me(user);
      expect(body).toMatchObject({ profile: null, name: `Test ${role}`, phone: null });
    });
  });

  it('has no profile for coordinators: PUT is 403', async () => {
    await put(coordinator, volunteerProfile()).expect(403);
    expect((await me(coordinator)).body).toMatchObject({ role: 'coordinator', profile: null });
  });

  it('takes concurrent first saves of a therapist as one application', async () => {
    const therapist = await signUp(t, Role.Therapist);
    const results = await Promise.all([1, 2, 3].map(() => put(therapist, therapistProfile())));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const rows = await t.db.query(`SELECT decision FROM vetting_decision WHERE account_id = $1`, [
      therapist.id,
    ]);
    expect(rows).toEqual([{ decision: 'submitted' }]);
  });

  describe('privacy', () => {
    it('one therapist can neither read nor change another one’s profile', async () => {
      const alice = await signUp(t, Role.Therapist);
      const bob = await signUp(t, Role.Therapist);
      await put(alice, therapistProfile()).expect(200);
      await t.http.get(`/v1/people/${alice.id}`).set(bob.auth).expect(403);
      await put(bob, { ...therapistProfile(), membershipNumber: '999999', town: 'Hull' }).expect(
        200,
      );
      const { body } = await me(alice);
      expect(body.profile).toMatchObject({ membershipNumber: '012345', town: 'Leeds' });
    });

    it('shows a volunteer’s contact details to coordinators only, auditing each read', async () => {
      const volunteer = await signUp(t);
      await put(volunteer, volunteerProfile()).expect(200);
      for (const role of [Role.Therapist, Role.Buddy, Role.Volunteer] as const) {
        const other = await signUp(t, role);
        await t.http.get(`/v1/people/${volunteer.id}`).set(other.auth).expect(403);
      }

      const read = await t.http.get(`/v1/people/${volunteer.id}`).set(coordinator.auth).expect(200);
      expect(read.body).toMatchObject({
        id: volunteer.id,
        phone: '+447911123456',
        profile: { phase: 'returned' },
        vettingHistory: [],
      });
      const audit = await t.db.query(
        `SELECT actor_id, details FROM audit_event WHERE action = 'person.read' AND target_id = $1`,
        [volunteer.id],
      );
      expect(audit).toEqual([{ actor_id: coordinator.id, details: {} }]);
    });

    it('answers 404 for an unknown person and 400 for a malformed id', async () => {
      await t.http
        .get('/v1/people/7d1f0e7c-3b55-4a0e-9a42-1f1f1f1f1f1f')
        .set(coordinator.auth)
        .expect(404);
      await t.http.get('/v1/people/not-a-uuid').set(coordinator.auth).expect(400);
    });
  });

  describe('data rights', () => {
    const part = () =>
      t.app
        .get(DataRights)
        .all()
        .find((p) => p.name === 'profile')!;

    it('exports a volunteer’s profile with deployments', async () => {
      const volunteer = await signUp(t);
      await put(volunteer, volunteerProfile()).expect(200);
      const exported = await t.db.transaction((em) => part().export(volunteer.id, em));
      expect(exported).toMatchObject({
        volunteer: {
          preferredName: 'Ami',
          deployments: [{ location: 'Calais', country: 'FR' }],
        },
        therapist: null,
        buddy: null,
        vetting: null,
      });
    });

    it('erases a therapist’s profile and vetting notes, keeping the decisions, idempotently', async () => {
      const therapist = await signUp(t, Role.Therapist);
      await put(therapist, therapistProfile()).expect(200);
      await t.http
        .post(`/v1/vetting/${therapist.id}/verify`)
        .set(coordinator.auth)
        .send({ evidence: 'BACP register entry checked' })
        .expect(200);

      const exported = await t.db.transaction((em) => part().export(therapist.id, em));
      expect(exported).toMatchObject({
        therapist: { membershipNumber: '012345', bio: 'Trauma-informed counsellor.' },
        vetting: {
          status: 'verified',
          history: [
            { decision: 'submitted', note: null },
            { decision: 'verified', note: 'BACP register entry checked' },
          ],
        },
      });

      await t.db.transaction((em) => part().erase(therapist.id, em));
      await t.db.transaction((em) => part().erase(therapist.id, em));

      const after = await t.db.transaction((em) => part().export(therapist.id, em));
      expect(after).toMatchObject({
        therapist: null,
        vetting: {
          status: 'suspended',
          history: [
            { decision: 'submitted', note: null },
            { decision: 'verified', note: null },
            { decision: 'withdrawn', toStatus: 'suspended' },
          ],
        },
      });
      expect(JSON.stringify(after)).not.toMatch(/BACP register|012345|Trauma/);
      expect(await t.app.get(PeopleService).matchableIds('therapist', [therapist.id])).toEqual([]);

      // Once the account itself is erased, nobody can verify them back into matching.
      await t.db.query(`UPDATE account SET erased_at = now() WHERE id = $1`, [therapist.id]);
      await t.http
        .post(`/v1/vetting/${therapist.id}/verify`)
        .set(coordinator.auth)
        .send({ evidence: 'Register entry seen' })
        .expect(404);
    });
  });
});
