import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { ConsentPurpose } from '../src/consent/consent-purpose';
import {
  bookedSession,
  consent,
  sessionRequest,
  therapist,
  volunteer,
  newCoordinator,
} from './factories/sessions';

/**
 * Matching reads every matchable therapist in the database, so each test speaks a language no
 * other test file uses: its therapists are the only ones that can match.
 */
describe('matching therapists to a session request', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2027-02-20T12:00:00Z') });
    coordinator = await newCoordinator(t);
  });
  afterAll(() => t.close());

  const matches = (user: TestUser, requestId: string, tz?: string) =>
    t.http
      .get(`/v1/session-requests/${requestId}/matches`)
      .query(tz ? { tz } : {})
      .set(user.auth);
  const ids = (body: { items: Array<{ therapistId: string }> }) =>
    body.items.map((m) => m.therapistId);

  it('keeps only suitable therapists with a free slot and capacity, earliest first, with reasons', async () => {
    const lang = ['cy'];
    const friday = [{ weekday: 5, start: '09:00', end: '17:00' }];
    const monday = [{ weekday: 1, start: '09:00', end: '17:00' }];
    const early = await therapist(t, coordinator, { languages: [...lang, 'en'], weekly: monday });
    const late = await therapist(t, coordinator, { languages: lang, weekly: friday });
    const full = await therapist(t, coordinator, { languages: lang, monthlyCapacity: 1 });
    const phoneOnly = await therapist(t, coordinator, { languages: lang, modalities: ['phone'] });
    const pending = await therapist(t, coordinator, { languages: lang, verified: false });
    const noTime = await therapist(t, coordinator, {
      languages: lang,
      weekly: [{ weekday: 7, start: '09:00', end: '17:00' }],
    });
    await bookedSession(t, full, '2027-03-01T09:00:00Z', undefined, { languages: lang });

    const v = await volunteer(t, { languages: lang, timezone: 'Europe/Athens' });
    const requestId = await sessionRequest(t, v, {
      languages: lang,
      notBefore: '2027-03-01T00:00:00Z',
      notAfter: '2027-03-06T00:00:00Z', // Monday to Friday: no Sunday
    });
    const res = await matches(v, requestId).expect(200);
    expect(ids(res.body)).toEqual([early.id, late.id]);
    for (const excluded of [full, phoneOnly, pending, noTime])
      expect(ids(res.body)).not.toContain(excluded.id);

    const [first] = res.body.items;
    const [{ name }] = await t.db.query('SELECT name FROM account WHERE id = $1', [early.id]);
    expect(first.name).toBe(name);
    expect(first).not.toHaveProperty('phone');
    expect(first.reasons.map((r: { factor: string }) => r.factor)).toEqual([
      'earliest',
      'language',
      'fairness',
      'timezone',
    ]);
    expect(first.nextSlots[0]).toEqual({
      utc: '2027-03-01T09:00:00.000Z',
      local: '2027-03-01T11:00:00+02:00',
      timezone: 'Europe/Athens',
    });
    expect(first.nextSlots).toHaveLength(5);
    expect(first.score).toBeGreaterThan(res.body.items[1].score);
    expect(first.sharedLanguages).toEqual(['cy']);
  });

  it('shows a therapist’s free times from the whole window when the first week has few', async () => {
    const lang = ['mt'];
    // One hour on Mondays: one free time a week.
    const th = await therapist(t, coordinator, {
      languages: lang,
      weekly: [{ weekday: 1, start: '09:00', end: '10:00' }],
    });
    const v = await volunteer(t, { languages: lang, timezone: 'Europe/London' });
    const requestId = await sessionRequest(t, v, {
      languages: lang,
      notBefore: '2027-03-01T00:00:00Z',
      notAfter: '2027-03-29T00:00:00Z', // four Mondays
    });
    const res = await matches(v, requestId).expect(200);
    expect(ids(res.body)).toEqual([th.id]);
    expect(res.body.items[0].nextSlots.map((s: { utc: string }) => s.utc.slice(0, 10))).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
      '2027-03-22',
    ]);
  });

  it('ranks the therapist with fewer recent pro bono sessions higher, all else equal', async () => {
    const lang = ['gd'];
    const busy = await therapist(t, coordinator, { languages: lang, monthlyCapacity: 5 });
    const idle = await therapist(t, coordinator, { languages: lang, monthlyCapacity: 5 });
    // Two sessions in February for `busy`, the month the clock is in.
    const february = { languages: lang, notBefore: '2027-02-22T00:00:00Z' };
    await bookedSession(t, busy, '2027-02-25T09:00:00Z', undefined, february);
    await bookedSession(t, busy, '2027-02-26T09:00:00Z', undefined, february);
    const v = await volunteer(t, { languages: lang });
    const requestId = await sessionRequest(t, v, { languages: lang });
    const res = await matches(v, requestId).expect(200);
    expect(ids(res.body)).toEqual([idle.id, busy.id]);
    const fairness = (i: number) =>
      res.body.items[i].reasons.find((r: { factor: string }) => r.factor === 'fairness');
    expect(fairness(0)).toMatchObject({
      score: 1,
      detail:
        'Has given 0 free sessions in the last 6 months, the fewest of those who fit, so it is their turn',
    });
    expect(fairness(1)).toMatchObject({
      score: 0.3333,
      detail: 'Has given 2 free sessions in the last 6 months; some who fit have given fewer',
    });
  });

  it('honours a gender preference and the volunteer’s first language', async () => {
    const woman = await therapist(t, coordinator, { languages: ['br'], gender: 'Woman' });
    const man = await therapist(t, coordinator, { languages: ['br', 'oc'], gender: 'man' });
    const v = await volunteer(t, { languages: ['oc', 'br'] });
    const any = await sessionRequest(t, v, { languages: ['oc', 'br'] });
    const res = await matches(v, any).expect(200);
    // Only who speaks the first choice, while anyone bookable does.
    expect(ids(res.body)).toEqual([man.id]);
    await t.http.post(`/v1/session-requests/${any}/withdraw`).set(v.auth).expect(200);
    const women = await sessionRequest(t, v, { languages: ['oc', 'br'], therapistGender: 'woman' });
    expect(ids((await matches(v, women).expect(200)).body)).toEqual([woman.id]);
  });

  it('shows the request to its volunteer and coordinators only, and needs current consent', async () => {
    const v = await volunteer(t, { languages: ['kw'] });
    const requestId = await sessionRequest(t, v, { languages: ['kw'] });
    await matches(await volunteer(t), requestId).expect(404);
    const asCoordinator = await matches(coordinator, requestId, 'America/New_York').expect(200);
    expect(asCoordinator.body).toEqual({ requestId, items: [] });
    await matches(v, requestId, 'Nowhere/Special').expect(400);
    await consent(t, v.id, [ConsentPurpose.ShareWithTherapist], false);
    const res = await matches(v, requestId).expect(403);
    expect(res.body.purpose).toBe('share_with_therapist');
  });
});
