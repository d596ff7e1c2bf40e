import { asBytes, createTestApp, signUp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { Role } from '../src/common/auth.decorators';
import {
  bookedSession,
  changeTherapistProfile,
  newCoordinator,
  sessionRequest,
  therapist,
  volunteer,
} from './factories/sessions';

/** The smallest real PNG (1×1) and a JPEG's first bytes: the service reads the type from them. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);

/**
 * Choosing a therapist (issue #22): a bio and a photo the therapist gives, their gender shown only
 * to a volunteer who asked for one, and who may see the photo. Each test speaks a language no
 * other file uses, so only its own therapists match.
 */
describe('therapist bio, photo and gender on a match', () => {
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2027-02-20T12:00:00Z') });
    coordinator = await newCoordinator(t);
  });
  afterAll(() => t.close());

  const upload = (user: TestUser, body: Buffer, type = 'image/png') =>
    t.http
      .put('/v1/me/photo')
      .set(user.auth)
      .set('Content-Type', type)
      .serialize(asBytes)
      .send(body);
  const photo = (user: TestUser, therapistId: string) =>
    t.http.get(`/v1/therapists/${therapistId}/photo`).set(user.auth).buffer(true);
  const matches = async (user: TestUser, requestId: string) =>
    (await t.http.get(`/v1/session-requests/${requestId}/matches`).set(user.auth).expect(200)).body
      .items as Array<Record<string, unknown>>;

  it('keeps a trimmed bio, refuses one over 600 characters in plain words', async () => {
    const th = await therapist(t, coordinator, { languages: ['ln'] });
    await changeTherapistProfile(t, th, {
      languages: ['ln'],
      bio: '  Ten years with aid workers.  ',
    });
    const me = await t.http.get('/v1/me').set(th.auth).expect(200);
    expect(me.body.profile.bio).toBe('Ten years with aid workers.');
    expect(me.body.profile.hasPhoto).toBe(false);

    const long = await t.http
      .put('/v1/me/profile')
      .set(th.auth)
      .send({
        membershipBody: 'BACP',
        membershipNumber: '123456',
        modalities: ['video'],
        languages: ['ln'],
        bio: 'x'.repeat(601),
      })
      .expect(400);
    expect(long.headers['content-type']).toContain('application/problem+json');
    expect(long.body.errors).toEqual([
      { field: 'bio', message: 'Write at most 600 characters about you' },
    ]);
  });

  it('shows the bio and photo on the match, and the gender only to who asked for one', async () => {
    const lang = ['ts'];
    const helen = await therapist(t, coordinator, { languages: lang, gender: 'Woman' });
    await changeTherapistProfile(t, helen, {
      languages: lang,
      gender: 'Woman',
      bio: 'Works with returning aid workers.',
    });
    await verifyAgainIfNeeded(helen);
    await upload(helen, PNG).expect(204);

    const asked = await volunteer(t, { languages: lang });
    const askedId = await sessionRequest(t, asked, { languages: lang, therapistGender: 'woman' });
    const [match] = await matches(asked, askedId);
    expect(match).toMatchObject({
      therapistId: helen.id,
      bio: 'Works with returning aid workers.',
      gender: 'Woman',
      hasPhoto: true,
    });

    const open = await volunteer(t, { languages: lang });
    const openId = await sessionRequest(t, open, { languages: lang });
    const [plain] = await matches(open, openId);
    expect(plain).toMatchObject({ therapistId: helen.id, gender: null, hasPhoto: true });

    const res = await photo(asked, helen.id).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
  });

  it('lets the therapist, a coordinator and volunteers who have them among matches or sessions see the photo, nobody else', async () => {
    const lang = ['tn'];
    const th = await therapist(t, coordinator, { languages: lang });
    await upload(th, JPEG, 'image/jpeg').expect(204);

    await photo(th, th.id).expect(200);
    const seen = await photo(coordinator, th.id).expect(200);
    expect(seen.headers['content-type']).toBe('image/jpeg');

    // Among their matches: an open request this therapist suits.
    const matched = await volunteer(t, { languages: lang });
    await sessionRequest(t, matched, { languages: lang });
    await photo(matched, th.id).expect(200);

    // A volunteer with a session booked with them, whose request is no longer open.
    const { volunteer: booked } = await bookedSession(t, th, '2027-03-02T09:00:00Z', undefined, {
      languages: lang,
    });
    await photo(booked, th.id).expect(200);

    // Not among the matches: no request, another language, another gender asked for.
    const none = await volunteer(t, { languages: lang });
    const other = await volunteer(t, { languages: ['en'] });
    await sessionRequest(t, other, { languages: ['en'] });
    const gendered = await volunteer(t, { languages: lang });
    await sessionRequest(t, gendered, { languages: lang, therapistGender: 'man' });
    const otherTherapist = await therapist(t, coordinator, { languages: lang });
    const buddy = await signUp(t, Role.Buddy);
    for (const who of [none, other, gendered, otherTherapist, buddy]) {
      const refused = await photo(who, th.id).expect(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('takes only a PNG or JPEG by its bytes, up to 300 KB, and deletes it', async () => {
    const th = await therapist(t, coordinator, { languages: ['ve'] });
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
    const notImage = await upload(th, gif, 'image/png').expect(415);
    expect(notImage.body.detail).toBe('Choose a photo saved as PNG or JPEG.');
    await upload(th, gif, 'image/gif').expect(415);

    const big = Buffer.concat([PNG, Buffer.alloc(307_200)]);
    const tooBig = await upload(th, big).expect(413);
    expect(tooBig.body.type).toBe('/problems/body-too-large');

    await upload(th, PNG).expect(204);
    expect((await t.http.get('/v1/me').set(th.auth).expect(200)).body.profile.hasPhoto).toBe(true);
    await t.http.delete('/v1/me/photo').set(th.auth).expect(204);
    await photo(th, th.id).expect(404);
    await t.http.delete('/v1/me/photo').set(th.auth).expect(404);
    expect((await t.http.get('/v1/me').set(th.auth).expect(200)).body.profile.hasPhoto).toBe(false);
  });

  it('hands the photo over in the export and deletes it with the rest on erasure', async () => {
    const th = await therapist(t, coordinator, { languages: ['ve'] });
    await upload(th, PNG).expect(204);
    const exported = await t.http.get('/v1/me/export').set(th.auth).expect(200);
    expect(exported.body.parts.profile.therapistPhoto).toMatchObject({
      contentType: 'image/png',
      base64: PNG.toString('base64'),
    });
    await t.http.post('/v1/me/erasure').set(th.auth).expect(200);
    const left = await t.db.query('SELECT 1 FROM therapist_photo WHERE account_id = $1', [th.id]);
    expect(left).toEqual([]);
  });

  it('asks a therapist to save their profile before a photo', async () => {
    const fresh = await signUp(t, Role.Therapist);
    const res = await upload(fresh, PNG).expect(409);
    expect(res.body.detail).toBe('Save your profile first, then add a photo.');
  });

  /** A profile change keeps vetting unless the membership changed; the factory's number stays. */
  async function verifyAgainIfNeeded(user: TestUser) {
    const me = await t.http.get('/v1/me').set(user.auth).expect(200);
    expect(me.body.vettingStatus).toBe('verified');
  }
});
