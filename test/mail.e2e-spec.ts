import { randomUUID } from 'node:crypto';
import { AppRole } from '../config/configuration';
import { Role } from '../src/common/auth.decorators';
import { NotificationChannel } from '../src/notifications/notification-status';
import { FORBIDDEN_WORDS, NotificationTemplate } from '../src/notifications/notification-templates';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { OutboxCommitHook } from '../src/notifications/outbox-commit-hook.service';
import { SweeperService } from '../src/notifications/sweeper.service';
import { createTestApp, signUp, TestApp, TestUser } from './app';
import { TestClock } from './clock';
import { isolateDatabaseAndRedis } from './isolated-env';
import { eventually, HOUR, settle } from './notifications.fixtures';
import { startSmtpServer, TestSmtpServer, to } from './smtp';

/**
 * Mail end to end: a worker (Bull on the real Redis) sends outbox rows whose channel is `email`
 * through nodemailer to a real SMTP server in this process, and the test reads the mail as parsed
 * by mailparser, as a mail client would show it.
 */
describe('mail: delivery over SMTP', () => {
  const clock = new TestClock('2030-01-15T09:00:00Z');
  let smtp: TestSmtpServer;
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    env = await isolateDatabaseAndRedis('mail');
    Object.assign(process.env, {
      ...smtp.env,
      MAIL_FROM: 'Volunteer Wellbeing <hello@vws.example.org>',
      SMS_MAX_ATTEMPTS: '3',
      SMS_RETRY_BASE_MS: '20',
    });
    t = await createTestApp({ clock, role: AppRole.Worker });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t?.close();
    await env?.drop();
    await smtp?.close();
  });

  async function someone(
    role: Role.Volunteer | Role.Therapist,
    name: string,
    confirmed = true,
  ): Promise<TestUser> {
    const user = await signUp(t, role, { name, timezone: 'Europe/London' });
    if (confirmed) {
      await t.db.query(`UPDATE account SET email_confirmed_at = now() WHERE id = $1`, [user.id]);
    }
    return user;
  }

  /** A mail row due now, about a session booked for two hours from now; enqueued on commit. */
  async function mailRow(
    recipient: TestUser,
    other: TestUser,
    options: { track?: boolean; template?: NotificationTemplate } = {},
  ): Promise<string> {
    const { track = true, template = NotificationTemplate.SessionConfirmation } = options;
    const [row] = await t.db.transaction(async (em) => {
      const due = await t.app.get(NotificationsRepository).add(
        [
          {
            recipientId: recipient.id,
            template,
            about: `session:${randomUUID()}`,
            payload: {
              otherId: other.id,
              startsAt: new Date(clock.now().getTime() + 2 * HOUR).toISOString(),
            },
            idempotencyKey: `test:${randomUUID()}`,
            dueAt: clock.now(),
            channel: NotificationChannel.Email,
          },
        ],
        em,
      );
      if (track) t.app.get(OutboxCommitHook).track(due, em);
      return due;
    });
    return row.id;
  }

  const row = async (id: string) =>
    (
      await t.db.query<
        Array<{
          status: string;
          channel: string;
          to_email: string | null;
          to_phone: string | null;
          body: string | null;
          reason: string | null;
          attempts: number;
          last_error_code: string | null;
        }>
      >(`SELECT * FROM notification WHERE id = $1`, [id])
    )[0];
  const settled = (id: string) =>
    eventually(
      () => row(id),
      (r) => !['pending', 'sending'].includes(r.status),
    );

  it('sends a booking notice once, in text and plain HTML, and records what went', async () => {
    const volunteer = await someone(Role.Volunteer, 'Amira <Haddad> & co');
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    const id = await mailRow(therapist, volunteer);

    const mail = await smtp.waitFor(to(therapist.email));
    expect(mail.subject).toBe('Your appointment is booked');
    expect(FORBIDDEN_WORDS.some((w) => mail.subject!.toLowerCase().includes(w))).toBe(false);
    expect(mail.from?.value).toEqual([
      { name: 'Volunteer Wellbeing', address: 'hello@vws.example.org' },
    ]);
    expect(mail.text).toContain('Your wellbeing session with Amira is booked for');
    expect(mail.text).toContain('(London time)');
    // Both parts say the same; the name is escaped in the HTML, never markup.
    expect(mail.html).toContain('Your wellbeing session with Amira is booked for');
    expect(mail.html).not.toMatch(/<img|<script|https?:\/\/(?!vws\.example\.org)/i);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');

    const sent = await settled(id);
    expect(sent).toMatchObject({
      status: 'sent',
      channel: 'email',
      to_email: therapist.email,
      to_phone: null,
      body: mail.text,
    });
    await settle(1_000);
    expect(smtp.messages.filter(to(therapist.email))).toHaveLength(1);
  });

  it('escapes what a person typed, so a name cannot add markup to a mail', async () => {
    const volunteer = await someone(Role.Volunteer, '<b>Eve</b> Smith');
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    await mailRow(therapist, volunteer);
    const mail = await smtp.waitFor(to(therapist.email));
    expect(mail.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Eve</b>');
  });

  it('sends nothing to an address its owner has not confirmed', async () => {
    const volunteer = await someone(Role.Volunteer, 'Nadia Unproven', false);
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    const id = await mailRow(volunteer, therapist);
    expect(await settled(id)).toMatchObject({
      status: 'skipped',
      reason: 'no-confirmed-email',
      to_email: null,
    });
    expect(smtp.messages.filter(to(volunteer.email))).toHaveLength(0);
  });

  it('tries again after "try later" and sends once; gives up at once on a refused address', async () => {
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    const later = await someone(Role.Volunteer, 'Lea Later');
    smtp.refuseNext(451);
    const retried = await mailRow(later, therapist);
    expect(await settled(retried)).toMatchObject({ status: 'sent', attempts: 2 });
    await settle(1_000);
    expect(smtp.messages.filter(to(later.email))).toHaveLength(1);

    const gone = await someone(Role.Volunteer, 'Nobody Here');
    smtp.refuseNext(550);
    const refused = await mailRow(gone, therapist);
    expect(await settled(refused)).toMatchObject({
      status: 'failed',
      reason: 'refused-by-provider',
      last_error_code: 'smtp-550',
      attempts: 1,
    });
    expect(smtp.messages.filter(to(gone.email))).toHaveLength(0);
  });

  it('never sends a reminder for a session that has begun', async () => {
    const volunteer = await someone(Role.Volunteer, 'Amira Haddad');
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    const late = await t.db.transaction(async (em) =>
      t.app.get(NotificationsRepository).add(
        [
          {
            recipientId: volunteer.id,
            template: NotificationTemplate.SessionReminder,
            about: `session:${randomUUID()}`,
            payload: { otherId: therapist.id, startsAt: clock.now().toISOString() },
            idempotencyKey: `test:${randomUUID()}`,
            dueAt: clock.now(),
            channel: NotificationChannel.Email,
          },
        ],
        em,
      ),
    );
    await t.app.get(SweeperService).sweep(clock.now());
    expect(await settled(late[0].id)).toMatchObject({ status: 'skipped', reason: 'event-started' });
  });

  it('delivers once a row whose job Redis lost (the sweeper finds it)', async () => {
    const volunteer = await someone(Role.Volunteer, 'Amira Haddad');
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    const id = await mailRow(volunteer, therapist, { track: false });
    await env.flushRedis();
    await t.app.get(SweeperService).sweep(clock.now());
    expect(await settled(id)).toMatchObject({ status: 'sent', to_email: volunteer.email });
    await settle(1_000);
    expect(smtp.messages.filter(to(volunteer.email))).toHaveLength(1);
  });

  it('keeps no address or words of an erased person', async () => {
    const volunteer = await someone(Role.Volunteer, 'Amira Haddad');
    const therapist = await someone(Role.Therapist, 'Sam Jones');
    const id = await mailRow(volunteer, therapist);
    expect(await settled(id)).toMatchObject({ status: 'sent' });
    await t.db.transaction((em) => t.app.get(NotificationsRepository).eraseFor(volunteer.id, em));
    expect(await row(id)).toMatchObject({ to_email: null, body: null });
  });
});
