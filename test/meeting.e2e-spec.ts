import { Role } from '../src/common/auth.decorators';
import { IdentityService } from '../src/identity/identity.service';
import { FORBIDDEN_WORDS, NotificationTemplate } from '../src/notifications/notification-templates';
import { MessageRenderer } from '../src/notifications/message-renderer.service';
import { createTestApp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import {
  bookedSession,
  changeTherapistProfile,
  newCoordinator,
  therapist,
  volunteer,
} from './factories/sessions';

const TODAY = '2027-02-20T12:00:00Z';
const ROOMS = 'https://meet.example.org/rooms/';
const ROOM = /^https:\/\/meet\.example\.org\/rooms\/[0-9a-f]{32}$/;

/** Issue #22, "the session itself": how a session happens, shown to each of its two people. */
describe('meeting details of a session', () => {
  const clock = new TestClock(TODAY);
  const saved = process.env.VIDEO_ROOM_BASE_URL;
  let t: TestApp;
  let coordinator: TestUser;

  beforeAll(async () => {
    process.env.VIDEO_ROOM_BASE_URL = ROOMS;
    t = await createTestApp({ clock });
    coordinator = await newCoordinator(t);
  });
  afterAll(async () => {
    await t.close();
    if (saved === undefined) delete process.env.VIDEO_ROOM_BASE_URL;
    else process.env.VIDEO_ROOM_BASE_URL = saved;
  });

  const view = async (user: TestUser, id: string) =>
    (await t.http.get(`/v1/sessions/${id}`).set(user.auth).expect(200)).body;
  const listed = async (user: TestUser, id: string) => {
    const res = await t.http.get('/v1/sessions').set(user.auth).expect(200);
    return (res.body.items as Array<{ id: string; meeting?: unknown }>).find((s) => s.id === id);
  };
  const profile = async (user: TestUser) =>
    (await t.http.get('/v1/me').set(user.auth).expect(200)).body.profile;

  it('refuses a meeting link that is not https, in words a person understands, and keeps the old one', async () => {
    const th = await therapist(t, coordinator);
    await changeTherapistProfile(t, th, { meetingUrl: 'https://zoom.us/j/123' });
    for (const meetingUrl of ['http://zoom.us/j/123', 'zoom.us/j/123', 'javascript:alert(1)']) {
      const res = await t.http
        .put('/v1/me/profile')
        .set(th.auth)
        .send({
          membershipBody: 'BACP',
          membershipNumber: '123456',
          modalities: ['video'],
          languages: ['en'],
          meetingUrl,
        })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.stringify(res.body)).toContain('starts with https://');
      expect(JSON.stringify(res.body)).toContain('meetingUrl');
    }
    expect((await profile(th)).meetingUrl).toBe('https://zoom.us/j/123');
  });

  it("gives both people the therapist's own link, with the other person's name, in the view and the list", async () => {
    const th = await therapist(t, coordinator);
    await changeTherapistProfile(t, th, { meetingUrl: 'https://zoom.us/j/98765' });
    const { id, volunteer: v } = await bookedSession(t, th, '2027-03-10T09:00:00Z');
    const meeting = { how: 'video', url: 'https://zoom.us/j/98765' };
    for (const user of [v, th]) {
      expect(await view(user, id)).toMatchObject({
        meeting,
        therapistName: 'Test therapist',
        volunteerName: 'Amira Haddad',
      });
      expect(await listed(user, id)).toMatchObject({ meeting, therapistName: 'Test therapist' });
    }
  });

  it('makes an unguessable room at booking when the therapist has no link, the same on every read', async () => {
    const th = await therapist(t, coordinator);
    const first = await bookedSession(t, th, '2027-03-11T09:00:00Z');
    const second = await bookedSession(t, th, '2027-03-11T11:00:00Z');
    const room = (await view(first.volunteer, first.id)).meeting.url as string;
    expect(room).toMatch(ROOM);
    expect((await view(th, first.id)).meeting.url).toBe(room);
    expect((await view(first.volunteer, first.id)).meeting.url).toBe(room);
    expect((await listed(th, first.id))?.meeting).toEqual({ how: 'video', url: room });
    const other = (await view(second.volunteer, second.id)).meeting.url as string;
    expect(other).toMatch(ROOM);
    expect(other).not.toBe(room);

    // The invite carries it as LOCATION and in its description.
    const ics = await t.http.get(`/v1/sessions/${first.id}/calendar.ics`).set(th.auth).expect(200);
    const unfolded = ics.text.replace(/\r?\n /g, '');
    expect(unfolded).toContain(`LOCATION:${room}`);
    expect(unfolded).toContain(`Join: ${room}`);
    expect(unfolded).toMatch(/^URL(;[^:]*)?:/m);
  });

  it('says who calls whom for a phone session: the therapist calls the volunteer, on their number', async () => {
    const th = await therapist(t, coordinator, { modalities: ['phone'] });
    const v = await volunteer(t, { phone: '+447911123999' });
    const { id } = await bookedSession(t, th, '2027-03-12T09:00:00Z', v, { modality: 'phone' });
    const meeting = { how: 'phone', whoCalls: 'therapist', phone: '+447911123999' };
    expect((await view(v, id)).meeting).toEqual(meeting);
    expect((await view(th, id)).meeting).toEqual(meeting);
    const ics = await t.http.get(`/v1/sessions/${id}/calendar.ics`).set(v.auth).expect(200);
    expect(ics.text.replace(/\r?\n /g, '')).toContain(
      'LOCATION:Phone call: Test will call you on +447911123999',
    );
  });

  it('gives the booked volunteer the address of an in-person session', async () => {
    const th = await therapist(t, coordinator, { modalities: ['in_person'] });
    await changeTherapistProfile(t, th, {
      modalities: ['in_person'],
      town: 'Leeds',
      address: '12 Park Row, Leeds LS1 5HD',
    });
    const { id, volunteer: v } = await bookedSession(t, th, '2027-03-13T09:00:00Z', undefined, {
      modality: 'in_person',
    });
    expect((await view(v, id)).meeting).toEqual({
      how: 'in_person',
      address: '12 Park Row, Leeds LS1 5HD',
    });
  });

  it('puts the video link in the one-hour reminder, with no health word', async () => {
    const th = await therapist(t, coordinator);
    const { id, volunteer: v } = await bookedSession(t, th, '2027-03-14T09:00:00Z');
    const room = (await view(v, id)).meeting.url as string;
    const rows: Array<{ recipient_id: string; payload: Record<string, string> }> = await t.db.query(
      `SELECT recipient_id, payload FROM notification WHERE about = $1 AND template = $2`,
      [`session:${id}`, NotificationTemplate.SessionReminder],
    );
    const text = async (offsetMinutes: string) => {
      const row = rows.find(
        (r) => r.recipient_id === v.id && r.payload.offsetMinutes === offsetMinutes,
      );
      expect(row).toBeDefined();
      const identity = t.app.get(IdentityService);
      const { body } = await t.app
        .get(MessageRenderer)
        .render(
          await identity.get(v.id),
          await identity.get(th.id),
          NotificationTemplate.SessionReminder,
          row!.payload,
        );
      return body;
    };
    const lastReminder = await text('60');
    expect(lastReminder).toContain(`Join the video call: ${room}`);
    const lower = lastReminder.toLowerCase();
    expect(FORBIDDEN_WORDS.filter((word) => lower.includes(word))).toEqual([]);
    expect(await text('1440')).not.toContain(room);
  });

  it('lets the therapist cancel with a reason: the volunteer is told who, and their request opens again', async () => {
    const th = await therapist(t, coordinator);
    const { id, volunteer: v, requestId } = await bookedSession(t, th, '2027-03-15T09:00:00Z');
    const cancelled = await t.http
      .post(`/v1/sessions/${id}/cancel`)
      .set(th.auth)
      .send({ reason: 'I am away that week' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelledBy: th.id,
      cancelReason: 'I am away that week',
      meeting: { how: 'video' },
    });
    expect(cancelled.body.meeting.url).toBeUndefined();
    // The volunteer sees who cancelled and why, and their request is open to choose again.
    expect(await view(v, id)).toMatchObject({
      status: 'cancelled',
      cancelledBy: th.id,
      therapistId: th.id,
      therapistName: 'Test therapist',
      cancelReason: 'I am away that week',
    });
    const open = await t.http.get('/v1/me/session-requests').set(v.auth).expect(200);
    expect(open.body.items.map((r: { id: string }) => r.id)).toEqual([requestId]);

    const [row]: Array<{ payload: Record<string, string> }> = await t.db.query(
      `SELECT payload FROM notification WHERE about = $1 AND template = $2 AND recipient_id = $3`,
      [`session:${id}`, NotificationTemplate.SessionCancelled, v.id],
    );
    const identity = t.app.get(IdentityService);
    const { body } = await t.app
      .get(MessageRenderer)
      .render(
        await identity.get(v.id),
        await identity.get(th.id),
        NotificationTemplate.SessionCancelled,
        row.payload,
      );
    expect(body).toBe(
      'Test had to cancel your wellbeing session on Mon 15 Mar, 09:00 (London time). ' +
        'You can sign in to choose another time.',
    );
    expect(v.role).toBe(Role.Volunteer);
  });
});
