import { randomBytes, randomUUID } from 'node:crypto';
import twilio from 'twilio';
import { Role } from '../src/common/auth.decorators';
import { DeliveryService, RetryLaterError } from '../src/notifications/delivery.service';
import { FORBIDDEN_WORDS, NotificationTemplate } from '../src/notifications/notification-templates';
import { NotificationQueue } from '../src/notifications/notification-queue.service';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { SweeperService } from '../src/notifications/sweeper.service';
import { createCoordinator, createTestApp, TestApp } from './app';
import { TestClock } from './clock';
import {
  FakeTwilio,
  StatusReport,
  WHATSAPP_NOT_A_USER,
  WHATSAPP_OUTSIDE_WINDOW,
} from './fake-twilio';
import { isolateDatabaseAndRedis } from './isolated-env';
import { HOUR, outboxFor, person, Person, smsConsent } from './notifications.fixtures';

const PUBLIC_BASE_URL = 'https://vws.example.org';
const REMINDER_SID = `HX${'a1'.repeat(16)}`;
const CONFIRMATION_SID = `HX${'b2'.repeat(16)}`;
const WHATSAPP_FROM = 'whatsapp:+15005550007';

/**
 * WhatsApp as a channel (issue #16): the person's choice and consent, templates outside the
 * 24-hour window and free text inside it, one SMS fallback after a permanent WhatsApp refusal
 * (at once, or reported later by status callback), and STOP on WhatsApp. Rows are delivered by
 * calling DeliveryService with the test clock; the real Twilio SDK talks to the fake Twilio. This
 * app runs no queue worker: a wake-up shows as a job waiting in Redis.
 */
describe('WhatsApp', () => {
  const fake = new FakeTwilio();
  const clock = new TestClock('2030-01-15T09:00:00Z');
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;
  /** Rows that fell back from WhatsApp to SMS in this file, by id, with the reason, for the report. */
  const fallbacks = new Map<string, string>();

  beforeAll(async () => {
    await fake.start();
    env = await isolateDatabaseAndRedis('whatsapp');
    Object.assign(process.env, {
      ...fake.env,
      PUBLIC_BASE_URL,
      WHATSAPP_ENABLED: 'true',
      TEXT_CHANNEL_DEFAULT: 'sms',
      TWILIO_WHATSAPP_TEMPLATES: `session_reminder=${REMINDER_SID}, session_confirmation=${CONFIRMATION_SID}`,
    });
    t = await createTestApp({ clock });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    const [{ n }] = await t.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM notification WHERE fallback_from = 'whatsapp'`,
    );
    console.log(`WhatsApp → SMS fallbacks taken: ${n} (${[...fallbacks.values()].join(', ')})`);
    await t?.close();
    await env?.drop();
    await fake.stop();
  });

  const consentTo = (p: Person, purpose: string, granted = true) =>
    t.http.post('/v1/me/consents').set(p.auth).send({ purpose, version: 1, granted }).expect(201);

  /** Someone who agreed to SMS (unless `sms: false`) and to WhatsApp, and chose WhatsApp. */
  async function whatsappPerson(options: { sms?: boolean } = {}): Promise<Person> {
    const p = await person(t, Role.Volunteer, {
      name: 'Amira Haddad',
      timezone: 'Europe/Athens',
      sms: options.sms ?? true,
    });
    await consentTo(p, 'whatsapp_messages');
    await t.http.put('/v1/me/text-channel').set(p.auth).send({ channel: 'whatsapp' }).expect(200);
    return p;
  }

  let therapist: Person;
  beforeAll(async () => {
    therapist = await person(t, Role.Therapist, { name: 'Sam Jones' });
  });

  /** One outbox row for `to`, due now, about a session with the therapist in 30 hours. */
  async function row(to: Person, template: NotificationTemplate): Promise<string> {
    const startsAt = new Date(clock.now().getTime() + 30 * HOUR);
    const [added] = await t.db.transaction((em) =>
      t.app.get(NotificationsRepository).add(
        [
          {
            recipientId: to.id,
            template,
            about: `session:${randomUUID()}`,
            payload: {
              sessionId: randomUUID(),
              otherId: therapist.id,
              startsAt: startsAt.toISOString(),
              previousStartsAt: new Date(startsAt.getTime() - 24 * HOUR).toISOString(),
            },
            idempotencyKey: `test:${randomUUID()}`,
            dueAt: clock.now(),
          },
        ],
        em,
      ),
    );
    return added.id;
  }

  const deliver = (id: string) => t.app.get(DeliveryService).deliver(id, clock.now());

  async function rowById(id: string) {
    const [r] = await t.db.query<
      Array<{
        status: string;
        channel: string;
        fallback_from: string | null;
        fallback_error_code: string | null;
        reason: string | null;
        body: string | null;
        last_error_code: string | null;
        provider_message_id: string | null;
        fallback_provider_message_id: string | null;
        updated_at: Date;
      }>
    >(`SELECT * FROM notification WHERE id = $1`, [id]);
    if (r.fallback_from) fallbacks.set(id, r.fallback_error_code ?? '?');
    return r;
  }

  /** The person wrote to our WhatsApp number `ago` ms before now (as the inbound webhook records). */
  async function wroteToUs(p: Person, ago: number, options: { fake?: boolean } = {}) {
    await t.db.query(
      `INSERT INTO inbound_message (message_sid, channel, from_phone, received_at, action)
       VALUES ($1, 'whatsapp', $2, $3, 'unknown')`,
      [`SM${randomBytes(16).toString('hex')}`, p.phone, new Date(clock.now().getTime() - ago)],
    );
    if (options.fake ?? true) fake.openWhatsAppWindow(p.phone);
  }

  const whatsappAttempts = (p: Person) =>
    fake.attempts.filter((to) => to === `whatsapp:${p.phone}`).length;

  describe('choosing the channel', () => {
    it('defaults to SMS, asks for WhatsApp consent first, and keeps the choice', async () => {
      const p = await person(t, Role.Volunteer);
      const initial = await t.http.get('/v1/me/text-channel').set(p.auth).expect(200);
      expect(initial.body).toEqual({
        channel: 'sms',
        chosen: false,
        whatsappAvailable: true,
        whatsappConsent: false,
        fallsBackToSms: false,
      });

      const refused = await t.http
        .put('/v1/me/text-channel')
        .set(p.auth)
        .send({ channel: 'whatsapp' })
        .expect(403);
      expect(refused.body).toMatchObject({ purpose: 'whatsapp_messages' });
      await t.http.put('/v1/me/text-channel').set(p.auth).send({ channel: 'pigeon' }).expect(400);

      const catalog = await t.http.get('/v1/me/consents').set(p.auth).expect(200);
      const purpose = catalog.body.purposes.find(
        (x: { purpose: string }) => x.purpose === 'whatsapp_messages',
      );
      expect(purpose).toMatchObject({ currentVersion: 1, title: 'WhatsApp messages' });

      await consentTo(p, 'whatsapp_messages');
      const chosen = await t.http
        .put('/v1/me/text-channel')
        .set(p.auth)
        .send({ channel: 'whatsapp' })
        .expect(200);
      expect(chosen.body).toMatchObject({
        channel: 'whatsapp',
        chosen: true,
        whatsappConsent: true,
      });

      const exported = await t.http.get('/v1/me/export').set(p.auth).expect(200);
      expect(exported.body.parts.text_preference).toMatchObject({ channel: 'whatsapp' });

      // Withdrawing WhatsApp consent keeps the choice but says texts go by SMS.
      await consentTo(p, 'whatsapp_messages', false);
      const withdrawn = await t.http.get('/v1/me/text-channel').set(p.auth).expect(200);
      expect(withdrawn.body).toMatchObject({ channel: 'whatsapp', fallsBackToSms: true });

      await t.http.post('/v1/me/erasure').set(p.auth).expect(200);
      expect(
        await t.db.query(`SELECT 1 FROM text_preference WHERE account_id = $1`, [p.id]),
      ).toEqual([]);
    });

    it('needs sign-in', async () => {
      await t.http.get('/v1/me/text-channel').expect(401);
      await t.http.put('/v1/me/text-channel').send({ channel: 'sms' }).expect(401);
    });
  });

  describe('sending', () => {
    it('sends the approved template outside the 24-hour window and free text inside it', async () => {
      const p = await whatsappPerson();

      const reminder = await row(p, NotificationTemplate.SessionReminder);
      expect(await deliver(reminder)).toBe('sent');
      const [template] = fake.whatsappTo(p.phone);
      expect(template).toMatchObject({
        from: WHATSAPP_FROM,
        contentSid: REMINDER_SID,
        contentVariables: { '1': 'Sam', '2': 'Wed 16 Jan, 17:00 (Athens time)' },
        body: '',
      });
      expect(await rowById(reminder)).toMatchObject({
        status: 'sent',
        channel: 'whatsapp',
        fallback_from: null,
      });

      // They write to us: for 24 hours free text may go, even for a type with no template.
      await wroteToUs(p, 2 * HOUR);
      const moved = await row(p, NotificationTemplate.SessionRescheduled);
      expect(await deliver(moved)).toBe('sent');
      const free = fake.whatsappTo(p.phone)[1];
      expect(free.contentSid).toBeUndefined();
      expect(free.body).toBe(
        'Your wellbeing session with Sam has moved to Wed 16 Jan, 17:00 (Athens time) ' +
          '(was Tue 15 Jan, 17:00 (Athens time)).',
      );
      expect(FORBIDDEN_WORDS.filter((w) => free.body.toLowerCase().includes(w))).toEqual([]);

      // Inside the window a templated type goes as free text too.
      const confirmation = await row(p, NotificationTemplate.SessionConfirmation);
      expect(await deliver(confirmation)).toBe('sent');
      expect(fake.whatsappTo(p.phone)[2].contentSid).toBeUndefined();
      expect(fake.sentTo(p.phone)).toEqual([]); // nothing by SMS so far

      // 23 hours on the window has closed: the templated type goes as its template again.
      clock.advance(23 * HOUR);
      const later = await row(p, NotificationTemplate.SessionReminder);
      expect(await deliver(later)).toBe('sent');
      expect(fake.whatsappTo(p.phone)[3].contentSid).toBe(REMINDER_SID);
    });

    it('falls back to SMS once, recorded, for a type with no template outside the window', async () => {
      const p = await whatsappPerson();
      const cancelled = await row(p, NotificationTemplate.SessionCancelled);
      expect(await deliver(cancelled)).toBe('sent');
      expect(whatsappAttempts(p)).toBe(0); // nothing WhatsApp would take was tried
      expect(fake.sentTo(p.phone)).toHaveLength(1);
      expect(await rowById(cancelled)).toMatchObject({
        status: 'sent',
        channel: 'sms',
        fallback_from: 'whatsapp',
        fallback_error_code: 'no-template',
      });
    });

    it('falls back to SMS exactly once when the number is not on WhatsApp, and never goes back', async () => {
      const p = await whatsappPerson();
      fake.notOnWhatsApp(p.phone);
      // The SMS after the fallback fails once for a passing reason; the retry stays SMS.
      fake.failNext(1, 503, 20500, p.phone);

      const reminder = await row(p, NotificationTemplate.SessionReminder);
      await expect(deliver(reminder)).rejects.toBeInstanceOf(RetryLaterError);
      expect(await rowById(reminder)).toMatchObject({
        status: 'pending',
        channel: 'sms',
        fallback_from: 'whatsapp',
        fallback_error_code: String(WHATSAPP_NOT_A_USER),
        last_error_code: '20500',
      });
      expect(await deliver(reminder)).toBe('sent');
      expect(await deliver(reminder)).toBe('not-claimed');

      expect(whatsappAttempts(p)).toBe(1);
      expect(fake.whatsappTo(p.phone)).toEqual([]);
      const sms = fake.sentTo(p.phone);
      expect(sms).toHaveLength(1);
      expect(sms[0].body).toMatch(
        /^Reminder: wellbeing session with Sam on .* \(Athens time\)\. Reply YES/,
      );
      expect(await rowById(reminder)).toMatchObject({
        status: 'sent',
        channel: 'sms',
        fallback_from: 'whatsapp',
        fallback_error_code: '63003',
      });
    });

    it('falls back when WhatsApp refuses free text as outside the window (63016)', async () => {
      const p = await whatsappPerson();
      await wroteToUs(p, HOUR, { fake: false }); // we think the window is open; WhatsApp does not
      const moved = await row(p, NotificationTemplate.SessionRescheduled);
      expect(await deliver(moved)).toBe('sent');
      expect(whatsappAttempts(p)).toBe(1);
      expect(fake.sentTo(p.phone)).toHaveLength(1);
      expect(await rowById(moved)).toMatchObject({
        channel: 'sms',
        fallback_from: 'whatsapp',
        fallback_error_code: '63016',
      });
    });

    it('without SMS consent a refused WhatsApp text is not sent at all', async () => {
      const p = await whatsappPerson({ sms: false });
      fake.notOnWhatsApp(p.phone);
      const reminder = await row(p, NotificationTemplate.SessionReminder);
      expect(await deliver(reminder)).toBe('failed');
      expect(fake.sentTo(p.phone)).toEqual([]);
      expect(await rowById(reminder)).toMatchObject({
        status: 'failed',
        channel: 'sms',
        fallback_from: null,
        last_error_code: '63003',
        reason: 'refused-by-whatsapp',
      });
    });

    it('retries a passing WhatsApp failure by WhatsApp, without falling back', async () => {
      const p = await whatsappPerson();
      fake.failNext(1, 429, 20429, `whatsapp:${p.phone}`);
      const reminder = await row(p, NotificationTemplate.SessionReminder);
      await expect(deliver(reminder)).rejects.toBeInstanceOf(RetryLaterError);
      expect(await deliver(reminder)).toBe('sent');
      expect(whatsappAttempts(p)).toBe(2);
      expect(fake.whatsappTo(p.phone)).toHaveLength(1);
      expect(fake.sentTo(p.phone)).toEqual([]);
      expect(await rowById(reminder)).toMatchObject({ channel: 'whatsapp', fallback_from: null });
    });

    it('sends by SMS to someone who chose WhatsApp but withdrew WhatsApp consent', async () => {
      const p = await whatsappPerson();
      await consentTo(p, 'whatsapp_messages', false);
      const reminder = await row(p, NotificationTemplate.SessionReminder);
      expect(await deliver(reminder)).toBe('sent');
      expect(whatsappAttempts(p)).toBe(0);
      expect(fake.sentTo(p.phone)).toHaveLength(1);
      expect(await rowById(reminder)).toMatchObject({ channel: 'sms', fallback_from: null });
    });
  });

  describe('refusals Twilio reports later, by status callback', () => {
    /** Posts reports to the status webhook as Twilio would: to its URL, signed. */
    const post = (reports: StatusReport[]) =>
      Promise.all(
        reports.map((r) =>
          t.http
            .post(new URL(r.url).pathname)
            .type('form')
            .set('X-Twilio-Signature', r.signature)
            .send(r.params)
            .expect(204),
        ),
      );
    const queue = () => t.app.get(NotificationQueue).queue;

    /** A reminder sent by WhatsApp that Twilio accepted; the reports it then owes. */
    async function acceptedByWhatsApp(p: Person) {
      const id = await row(p, NotificationTemplate.SessionReminder);
      expect(await deliver(id)).toBe('sent');
      const [whatsapp] = fake.whatsappTo(p.phone);
      expect(await rowById(id)).toMatchObject({
        status: 'sent',
        channel: 'whatsapp',
        provider_message_id: whatsapp.sid,
      });
      return { id, whatsappSid: whatsapp.sid, reports: fake.takeStatusReports() };
    }

    it('falls back to SMS once after 63016, keeps both attempts, and ignores repeated reports', async () => {
      const p = await whatsappPerson();
      fake.refuseWhatsAppLater(p.phone, WHATSAPP_OUTSIDE_WINDOW);
      const { id, whatsappSid, reports } = await acceptedByWhatsApp(p);
      expect(reports.map((r) => r.params.MessageStatus)).toEqual(['sent', 'undelivered']);

      // Twilio delivers the callbacks twice, the second time while the first is being applied.
      await post(reports);
      await Promise.all([post(reports), post(reports)]);
      const fallen = await rowById(id);
      expect(fallen).toMatchObject({
        status: 'pending',
        channel: 'sms',
        fallback_from: 'whatsapp',
        fallback_error_code: '63016',
        fallback_provider_message_id: whatsappSid,
        provider_message_id: null,
      });
      expect((await queue().getJob(id))?.data).toEqual({ notificationId: id });
      await post(reports);
      expect(await rowById(id)).toEqual(fallen);

      expect(await deliver(id)).toBe('sent');
      expect(await deliver(id)).toBe('not-claimed');
      const sms = fake.sentTo(p.phone);
      expect(sms).toHaveLength(1);
      expect(sms[0].body).toMatch(/^Reminder: wellbeing session with Sam on .* \(Athens time\)/);
      expect(fake.whatsappTo(p.phone)).toHaveLength(1);
      expect(await rowById(id)).toMatchObject({
        status: 'sent',
        channel: 'sms',
        provider_message_id: sms[0].sid,
        fallback_provider_message_id: whatsappSid,
        fallback_error_code: '63016',
      });

      // The WhatsApp message's reports, again, leave the SMS alone; the SMS's own ones apply.
      await post(reports);
      expect(await rowById(id)).toMatchObject({ status: 'sent', provider_message_id: sms[0].sid });
      await post([fake.statusReport(sms[0], { MessageStatus: 'delivered' })]);
      expect(await rowById(id)).toMatchObject({ status: 'delivered', channel: 'sms' });
      expect(fake.sentTo(p.phone)).toHaveLength(1);

      const coordinator = await createCoordinator(t);
      const list = await t.http
        .get('/v1/notifications?status=delivered')
        .set(coordinator.auth)
        .expect(200);
      expect(list.body.items).toContainEqual(
        expect.objectContaining({
          id,
          channel: 'sms',
          fallbackFrom: 'whatsapp',
          fallbackErrorCode: '63016',
          fallbackProviderMessageId: whatsappSid,
        }),
      );
    });

    it('is sent by the sweeper when Redis lost the wake-up', async () => {
      const p = await whatsappPerson();
      fake.refuseWhatsAppLater(p.phone, 63024, 'failed');
      const { id, reports } = await acceptedByWhatsApp(p);
      await post(reports);
      await (await queue().getJob(id))?.remove();
      expect(await queue().getJob(id)).toBeNull();

      await t.app.get(SweeperService).sweep(clock.now());
      expect((await queue().getJob(id))?.data).toEqual({ notificationId: id });
      expect(await deliver(id)).toBe('sent');
      expect(fake.sentTo(p.phone)).toHaveLength(1);
      expect(await rowById(id)).toMatchObject({
        status: 'sent',
        channel: 'sms',
        fallback_error_code: '63024',
      });
    });

    it('fails the row, with no SMS, for a code that is not a refusal to fall back from', async () => {
      const p = await whatsappPerson();
      fake.refuseWhatsAppLater(p.phone, 30008);
      const { id, whatsappSid, reports } = await acceptedByWhatsApp(p);
      await post(reports);
      expect(await rowById(id)).toMatchObject({
        status: 'failed',
        channel: 'whatsapp',
        provider_message_id: whatsappSid,
        last_error_code: '30008',
        fallback_from: null,
      });
      expect(await queue().getJob(id)).toBeNull();
      expect(await deliver(id)).toBe('not-claimed');
      expect(fake.sentTo(p.phone)).toEqual([]);

      // An SMS row reported with a WhatsApp code fails as any SMS does: there is nothing to fall to.
      const smsOnly = await person(t, Role.Volunteer);
      const sms = await row(smsOnly, NotificationTemplate.SessionReminder);
      expect(await deliver(sms)).toBe('sent');
      const [sent] = fake.sentTo(smsOnly.phone);
      await post([
        fake.statusReport(sent, {
          MessageStatus: 'undelivered',
          ErrorCode: String(WHATSAPP_OUTSIDE_WINDOW),
        }),
      ]);
      expect(await rowById(sms)).toMatchObject({
        status: 'failed',
        channel: 'sms',
        fallback_from: null,
      });
      expect(fake.sentTo(smsOnly.phone)).toHaveLength(1);
    });

    it('sends no SMS to someone who withdrew SMS consent; the row fails as refused', async () => {
      const p = await whatsappPerson();
      fake.refuseWhatsAppLater(p.phone, WHATSAPP_OUTSIDE_WINDOW);
      const { id, reports } = await acceptedByWhatsApp(p);
      await smsConsent(t, p.id, false);
      await post(reports);

      expect(await deliver(id)).toBe('failed');
      expect(fake.sentTo(p.phone)).toEqual([]);
      expect(await rowById(id)).toMatchObject({
        status: 'failed',
        reason: 'refused-by-whatsapp',
        last_error_code: '63016',
        fallback_from: 'whatsapp',
      });
    });
  });

  describe('STOP on WhatsApp', () => {
    const sign = (path: string, params: Record<string, string>) =>
      twilio.getExpectedTwilioSignature(fake.authToken, `${PUBLIC_BASE_URL}${path}`, params);
    /** A message the person sends us; on WhatsApp it opens their 24-hour window, as at Twilio. */
    const inbound = (fields: { From: string; To: string; Body: string }) => {
      const params = { MessageSid: `SM${randomBytes(16).toString('hex')}`, ...fields };
      if (params.From.startsWith('whatsapp:')) fake.openWhatsAppWindow(params.From.slice(9));
      return t.http
        .post('/v1/webhooks/twilio/inbound')
        .type('form')
        .set('X-Twilio-Signature', sign('/v1/webhooks/twilio/inbound', params))
        .send(params);
    };

    it('withdraws WhatsApp consent only, and nothing more goes there', async () => {
      const p = await whatsappPerson();
      expect(await deliver(await row(p, NotificationTemplate.SessionReminder))).toBe('sent');
      expect(fake.whatsappTo(p.phone)).toHaveLength(1);

      await inbound({ From: `whatsapp:${p.phone}`, To: WHATSAPP_FROM, Body: 'STOP' }).expect(200);

      const consents = await t.http.get('/v1/me/consents').set(p.auth).expect(200);
      const state = (purpose: string) =>
        consents.body.purposes.find((x: { purpose: string }) => x.purpose === purpose);
      expect(state('whatsapp_messages')).toMatchObject({ valid: false, channel: 'whatsapp' });
      expect(state('sms_reminders')).toMatchObject({ valid: true });
      expect(await t.db.query(`SELECT 1 FROM sms_opt_out WHERE phone = $1`, [p.phone])).toEqual([]);

      // Texts now go by SMS (they agreed to it); nothing more by WhatsApp.
      const next = await row(p, NotificationTemplate.SessionReminder);
      expect(await deliver(next)).toBe('sent');
      expect(fake.whatsappTo(p.phone)).toHaveLength(1);
      expect(fake.sentTo(p.phone)).toHaveLength(1);
      expect(await rowById(next)).toMatchObject({ channel: 'sms', fallback_from: null });

      // START on WhatsApp gives WhatsApp consent back.
      await inbound({ From: `whatsapp:${p.phone}`, To: WHATSAPP_FROM, Body: 'START' }).expect(200);
      expect(await deliver(await row(p, NotificationTemplate.SessionReminder))).toBe('sent');
      expect(fake.whatsappTo(p.phone)).toHaveLength(2);
      expect((await outboxFor(t, p.id)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    });
  });
});
