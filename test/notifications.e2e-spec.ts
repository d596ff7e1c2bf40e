import { randomUUID } from 'node:crypto';
import { Role } from '../src/common/auth.decorators';
import { DomainEvents } from '../src/common/domain-events.service';
import { ConsentChannel, ConsentPurpose } from '../src/consent/consent-purpose';
import { ConsentService } from '../src/consent/consent.service';
import { DataRights } from '../src/common/data-rights.service';
import { createCoordinator, createTestApp, TestApp } from './app';
import { TestClock } from './clock';
import { isolateDatabaseAndRedis } from './isolated-env';
import {
  HOUR,
  iso,
  outboxAbout,
  outboxFor,
  person,
  publish,
  smsConsent,
  textsAbout,
  textsFor,
} from './notifications.fixtures';

/**
 * Which texts domain events put in the outbox, and when they fall due. The events are published
 * here exactly as their modules publish them: inside `dataSource.transaction`.
 */
describe('notifications: the outbox fills from domain events', () => {
  const clock = new TestClock('2026-07-01T10:00:00Z');
  let t: TestApp;
  let env: Awaited<ReturnType<typeof isolateDatabaseAndRedis>>;

  beforeAll(async () => {
    env = await isolateDatabaseAndRedis('notif_events');
    t = await createTestApp({ clock });
  }, 180_000); // a database of its own, migrated: slow on a loaded machine
  afterAll(async () => {
    await t.close();
    await env.drop();
  });

  const session = async (startsAt: string) => {
    const volunteer = await person(t, Role.Volunteer, {
      name: 'Amira Haddad',
      timezone: 'Europe/Athens',
    });
    const therapist = await person(t, Role.Therapist, {
      name: 'Sam Jones',
      timezone: 'Europe/London',
    });
    return {
      volunteer,
      therapist,
      event: {
        sessionId: randomUUID(),
        volunteerId: volunteer.id,
        therapistId: therapist.id,
        startsAt: new Date(startsAt),
        endsAt: new Date(new Date(startsAt).getTime() + HOUR),
      },
    };
  };
  /** Mail twins (channel `email`) of texts, as [recipient, template] pairs, sorted. */
  const mails = (rows: Awaited<ReturnType<typeof outboxAbout>>) =>
    rows
      .filter((r) => r.channel === 'email')
      .map((r) => [r.recipient_id, r.template])
      .sort();
  const view = (rows: Awaited<ReturnType<typeof outboxAbout>>) =>
    rows.map((r) => ({
      to: r.recipient_id,
      template: r.template,
      due: iso(r.due_at),
      status: r.status,
    }));

  describe('sessions', () => {
    it('books: a confirmation now and reminders 24 h and 1 h before, moved out of quiet hours', async () => {
      // 08:30 in London, 10:30 in Athens. One hour before is 07:30 in London: quiet, so the
      // therapist's reminder moves to 21:00 London time the evening before (20:00 UTC).
      const { volunteer: v, therapist: th, event } = await session('2026-07-15T07:30:00Z');
      await publish(t, 'session.booked', event);

      const rows = await textsAbout(t, `session:${event.sessionId}`);
      expect(view(rows)).toEqual(
        expect.arrayContaining([
          { to: v.id, template: 'session_confirmation', due: iso(clock.now()), status: 'pending' },
          { to: th.id, template: 'session_confirmation', due: iso(clock.now()), status: 'pending' },
          {
            to: v.id,
            template: 'session_reminder',
            due: '2026-07-14T07:30:00.000Z',
            status: 'pending',
          },
          {
            to: th.id,
            template: 'session_reminder',
            due: '2026-07-14T07:30:00.000Z',
            status: 'pending',
          },
          {
            to: v.id,
            template: 'session_reminder',
            due: '2026-07-15T06:30:00.000Z',
            status: 'pending',
          },
          {
            to: th.id,
            template: 'session_reminder',
            due: '2026-07-14T20:00:00.000Z',
            status: 'pending',
          },
        ]),
      );
      expect(rows).toHaveLength(6);
      expect(rows.map((r) => r.idempotency_key)).toContain(
        `session:${event.sessionId}:reminder:1h:2026-07-15T07:30:00.000Z:${th.id}`,
      );
      // Both have a confirmed address: the booking goes by mail too; reminders stay texts.
      expect(mails(await outboxAbout(t, `session:${event.sessionId}`))).toEqual(
        [
          [v.id, 'session_confirmation'],
          [th.id, 'session_confirmation'],
        ].sort(),
      );
    });

    it('writes nothing twice for the same event, and nothing when the transaction rolls back', async () => {
      const { event } = await session('2026-07-20T12:00:00Z');
      await publish(t, 'session.booked', event);
      await publish(t, 'session.booked', event);
      expect(await textsAbout(t, `session:${event.sessionId}`)).toHaveLength(6);
      expect(mails(await outboxAbout(t, `session:${event.sessionId}`))).toHaveLength(2);

      const other = { ...event, sessionId: randomUUID() };
      await expect(
        t.db.transaction(async (em) => {
          await t.app.get(DomainEvents).publish('session.booked', other, em);
          throw new Error('booking failed later in the transaction');
        }),
      ).rejects.toThrow('booking failed');
      expect(await outboxAbout(t, `session:${other.sessionId}`)).toEqual([]);
    });

    it('does not plan reminders whose moment has passed', async () => {
      const { event } = await session(new Date(clock.now().getTime() + 3 * HOUR).toISOString());
      await publish(t, 'session.booked', event);
      const rows = await textsAbout(t, `session:${event.sessionId}`);
      expect(rows.map((r) => r.template).sort()).toEqual([
        'session_confirmation',
        'session_confirmation',
        'session_reminder',
        'session_reminder',
      ]);
      expect(
        rows.filter((r) => r.template === 'session_reminder').map((r) => iso(r.due_at)),
      ).toEqual([iso(clock.now().getTime() + 2 * HOUR), iso(clock.now().getTime() + 2 * HOUR)]);
    });

    it('reschedules: old reminders cancelled, a notice and new reminders; moving back revives', async () => {
      const { volunteer: v, event } = await session('2026-07-20T12:00:00Z');
      const about = `session:${event.sessionId}`;
      await publish(t, 'session.booked', event);
      const moved = {
        ...event,
        startsAt: new Date('2026-07-22T15:00:00Z'),
        previousStartsAt: event.startsAt,
      };
      await publish(t, 'session.rescheduled', moved);

      const rows = await textsAbout(t, about);
      const reminders = rows.filter((r) => r.template === 'session_reminder');
      expect(
        reminders.filter((r) => r.status === 'cancelled').map((r) => [iso(r.due_at), r.reason]),
      ).toEqual([
        ['2026-07-19T12:00:00.000Z', 'rescheduled'],
        ['2026-07-19T12:00:00.000Z', 'rescheduled'],
        ['2026-07-20T11:00:00.000Z', 'rescheduled'],
        ['2026-07-20T11:00:00.000Z', 'rescheduled'],
      ]);
      expect(reminders.filter((r) => r.status === 'pending').map((r) => iso(r.due_at))).toEqual([
        '2026-07-21T15:00:00.000Z',
        '2026-07-21T15:00:00.000Z',
        '2026-07-22T14:00:00.000Z',
        '2026-07-22T14:00:00.000Z',
      ]);
      expect(rows.filter((r) => r.template === 'session_rescheduled').map((r) => r.status)).toEqual(
        ['pending', 'pending'],
      );
      // By mail, each is told at most once.
      const movedMails = mails(await outboxAbout(t, about)).filter(
        ([, template]) => template === 'session_rescheduled',
      );
      expect(new Set(movedMails.map(([to]) => to)).size).toBe(movedMails.length);

      // Back to the first time: the very same reminder rows are wanted again.
      await publish(t, 'session.rescheduled', {
        ...event,
        previousStartsAt: moved.startsAt,
      });
      const again = (await outboxFor(t, v.id)).filter((r) => r.template === 'session_reminder');
      expect(again.filter((r) => r.status === 'pending').map((r) => iso(r.due_at))).toEqual([
        '2026-07-19T12:00:00.000Z',
        '2026-07-20T11:00:00.000Z',
      ]);
      expect(again).toHaveLength(4);
    });

    it('cancels: pending texts cancelled in the same transaction, a notice to both', async () => {
      const { event } = await session('2026-07-25T12:00:00Z');
      const about = `session:${event.sessionId}`;
      await publish(t, 'session.booked', event);
      await publish(t, 'session.cancelled', { ...event, cancelledBy: event.volunteerId });

      const rows = await textsAbout(t, about);
      expect(rows.filter((r) => r.status === 'pending').map((r) => r.template)).toEqual([
        'session_cancelled',
        'session_cancelled',
      ]);
      expect(rows.filter((r) => r.template !== 'session_cancelled').map((r) => r.status)).toEqual(
        Array(6).fill('cancelled'),
      );
      // The booking's mails still pending are cancelled too; the notice by mail at most once each.
      const all = await outboxAbout(t, about);
      expect(
        all.filter((r) => r.template !== 'session_cancelled' && r.status === 'pending'),
      ).toEqual([]);
      const notices = mails(all).filter(([, template]) => template === 'session_cancelled');
      expect(new Set(notices.map(([to]) => to)).size).toBe(notices.length);
    });
  });

  describe('check-in calls', () => {
    const call = async () => {
      const volunteer = await person(t, Role.Volunteer, {
        name: 'Amira',
        timezone: 'Europe/Athens',
      });
      const buddy = await person(t, Role.Buddy, { name: 'Jo', timezone: 'Europe/London' });
      const pairingId = randomUUID();
      const event = (startsAt: string) => ({
        pairingId,
        volunteerId: volunteer.id,
        buddyId: buddy.id,
        checkinId: randomUUID(),
        startsAt: new Date(startsAt),
        channel: 'phone' as const,
      });
      return { volunteer, buddy, pairingId, event };
    };

    it('reminds the buddy (and the volunteer) 24 h and 1 h before each call', async () => {
      const { volunteer, buddy, event } = await call();
      const checkin = event('2026-07-10T17:00:00Z');
      await publish(t, 'checkin.scheduled', checkin);
      const rows = view(await outboxAbout(t, `checkin:${checkin.checkinId}`));
      expect(rows).toEqual(
        expect.arrayContaining([
          {
            to: buddy.id,
            template: 'call_reminder_buddy',
            due: '2026-07-09T17:00:00.000Z',
            status: 'pending',
          },
          {
            to: buddy.id,
            template: 'call_reminder_buddy',
            due: '2026-07-10T16:00:00.000Z',
            status: 'pending',
          },
          {
            to: volunteer.id,
            template: 'call_reminder_volunteer',
            due: '2026-07-09T17:00:00.000Z',
            status: 'pending',
          },
          {
            to: volunteer.id,
            template: 'call_reminder_volunteer',
            due: '2026-07-10T16:00:00.000Z',
            status: 'pending',
          },
        ]),
      );
      expect(rows).toHaveLength(4);
    });

    it('moves and cancels a call’s reminders; ending the pairing cancels all of its calls', async () => {
      const { pairingId, event, volunteer, buddy } = await call();
      const first = event('2026-07-10T12:00:00Z');
      const second = event('2026-07-17T12:00:00Z');
      const third = event('2026-07-24T12:00:00Z');
      for (const c of [first, second, third]) await publish(t, 'checkin.scheduled', c);

      await publish(t, 'checkin.moved', {
        ...first,
        startsAt: new Date('2026-07-11T12:00:00Z'),
        previousStartsAt: first.startsAt,
      });
      const moved = await textsAbout(t, `checkin:${first.checkinId}`);
      expect(moved.filter((r) => r.status === 'cancelled')).toHaveLength(4);
      expect(
        moved
          .filter((r) => r.status === 'pending' && r.template.startsWith('call_reminder'))
          .map((r) => iso(r.due_at)),
      ).toEqual(
        Array(2).fill('2026-07-10T12:00:00.000Z').concat(Array(2).fill('2026-07-11T11:00:00.000Z')),
      );
      expect(
        moved
          .filter((r) => r.template === 'call_moved')
          .map((r) => r.recipient_id)
          .sort(),
      ).toEqual([volunteer.id, buddy.id].sort());
      const movedMails = mails(await outboxAbout(t, `checkin:${first.checkinId}`)).filter(
        ([, template]) => template === 'call_moved',
      );
      expect(new Set(movedMails.map(([to]) => to)).size).toBe(movedMails.length);

      await publish(t, 'checkin.cancelled', second);
      expect((await textsAbout(t, `checkin:${second.checkinId}`)).map((r) => r.status)).toEqual(
        Array(4).fill('cancelled'),
      );
      expect(
        (await outboxAbout(t, `checkin:${second.checkinId}`)).filter((r) => r.status === 'pending'),
      ).toEqual([]);

      await publish(t, 'pairing.ended', {
        pairingId,
        volunteerId: volunteer.id,
        buddyId: buddy.id,
        reason: 'done',
      });
      const rest = [
        ...(await outboxAbout(t, `checkin:${first.checkinId}`)),
        ...(await outboxAbout(t, `checkin:${third.checkinId}`)),
      ];
      expect(rest.filter((r) => r.status === 'pending')).toEqual([]);
      expect(rest.filter((r) => r.reason === 'pairing-ended').length).toBeGreaterThanOrEqual(8);
    });
  });

  describe('alerts', () => {
    it('alerts every coordinator of two missed calls and of an urgent concern, not a high one', async () => {
      const coordinators = [await createCoordinator(t), await createCoordinator(t)];
      const ids = coordinators.map((c) => c.id).sort();
      const pairingId = randomUUID();
      await publish(t, 'pairing.flagged', {
        pairingId,
        volunteerId: randomUUID(),
        buddyId: randomUUID(),
      });
      await publish(t, 'pairing.flagged', {
        pairingId,
        volunteerId: randomUUID(),
        buddyId: randomUUID(),
      });
      const flagged = await outboxAbout(t, `pairing:${pairingId}`);
      expect(
        flagged
          .map((r) => r.recipient_id)
          .filter((id) => ids.includes(id))
          .sort(),
      ).toEqual(ids);
      expect(new Set(flagged.map((r) => r.recipient_id)).size).toBe(flagged.length);

      const urgent = randomUUID();
      const high = randomUUID();
      await publish(t, 'concern.raised', { concernId: urgent, urgency: 'urgent' });
      await publish(t, 'concern.raised', { concernId: high, urgency: 'high' });
      const alerts = await outboxAbout(t, `concern:${urgent}`);
      expect(alerts.map((r) => r.template)).toEqual(
        Array(alerts.length).fill('urgent_concern_alert'),
      );
      // Every coordinator gets exactly one text, and at most one mail.
      const alertTexts = await textsAbout(t, `concern:${urgent}`);
      expect(
        alertTexts
          .map((r) => r.recipient_id)
          .filter((id) => ids.includes(id))
          .sort(),
      ).toEqual(ids);
      expect(new Set(alertTexts.map((r) => r.recipient_id)).size).toBe(alertTexts.length);
      const alertMails = alerts.filter((r) => r.channel === 'email');
      expect(new Set(alertMails.map((r) => r.recipient_id)).size).toBe(alertMails.length);
      expect(await outboxAbout(t, `concern:${high}`)).toEqual([]);
    });

    it('warns a person whose vetting expires (in the morning if it is night) and tells coordinators', async () => {
      const coordinator = await createCoordinator(t);
      const buddy = await person(t, Role.Buddy, { timezone: 'Europe/London' });
      clock.set('2026-07-01T23:30:00Z'); // 00:30 in London: quiet hours
      try {
        await publish(t, 'vetting.expiring', { userId: buddy.id, expiresOn: '2026-07-31' });
      } finally {
        clock.set('2026-07-01T10:00:00Z');
      }
      const rows = await outboxAbout(t, `vetting:${buddy.id}`);
      const warning = rows.find((r) => r.recipient_id === buddy.id);
      expect(warning).toMatchObject({ template: 'vetting_expiring_warning' });
      expect(iso(warning!.due_at)).toBe('2026-07-02T07:00:00.000Z');
      expect(rows.find((r) => r.recipient_id === coordinator.id)).toMatchObject({
        template: 'vetting_expiring_alert',
        due_at: new Date('2026-07-01T23:30:00Z'),
      });
    });
  });

  describe('consent', () => {
    it('withdrawing SMS consent cancels that person’s pending texts in the same transaction', async () => {
      const { volunteer, therapist, event } = await session('2026-07-28T12:00:00Z');
      await publish(t, 'session.booked', event);
      await smsConsent(t, volunteer.id, false);

      const rows = await textsAbout(t, `session:${event.sessionId}`);
      expect(
        rows.filter((r) => r.recipient_id === volunteer.id).map((r) => [r.status, r.reason]),
      ).toEqual(Array(3).fill(['cancelled', 'consent-withdrawn']));
      expect(rows.filter((r) => r.recipient_id === therapist.id).map((r) => r.status)).toEqual(
        Array(3).fill('pending'),
      );
      // SMS consent is about texts: the booking's mail to the volunteer still goes.
      const mail = (await outboxAbout(t, `session:${event.sessionId}`)).filter(
        (r) => r.recipient_id === volunteer.id && r.channel === 'email',
      );
      expect(mail.map((r) => [r.template, r.status])).toEqual([
        ['session_confirmation', 'pending'],
      ]);
    });

    it('withdrawing a sharing consent leaves texts to the sessions and buddies modules', async () => {
      const { volunteer, event } = await session('2026-07-29T12:00:00Z');
      await publish(t, 'session.booked', event);
      await t.app.get(ConsentService).record(volunteer.id, {
        purpose: ConsentPurpose.ShareWithTherapist,
        granted: false,
        channel: ConsentChannel.Web,
      });
      expect((await textsFor(t, volunteer.id)).map((r) => r.status)).toEqual(
        Array(3).fill('pending'),
      );
      const all = await outboxFor(t, volunteer.id);
      expect(all.filter((r) => r.status !== 'pending')).toEqual([]);
    });
  });

  describe('data rights', () => {
    it('exports a person’s texts and, on erasure, cancels what is pending and keeps no text', async () => {
      const { volunteer, event } = await session('2026-07-30T12:00:00Z');
      await publish(t, 'session.booked', event);
      await t.db.query(
        `UPDATE notification SET status = 'sent', body = 'hello', to_phone = $2,
                provider_message_id = $3, sent_at = now()
          WHERE recipient_id = $1 AND template = 'session_confirmation' AND channel <> 'email'`,
        [volunteer.id, volunteer.phone, `log-${randomUUID()}`],
      );
      const part = t.app
        .get(DataRights)
        .all()
        .find((p) => p.name === 'notifications')!;
      const exported = (await t.db.transaction((em) => part.export(volunteer.id, em))) as Array<{
        template: string;
        channel: string;
        body: string | null;
      }>;
      // Their texts, and the booking's mail twin with them.
      expect(exported.map((n) => `${n.template}/${n.channel}`).sort()).toEqual([
        'session_confirmation/email',
        'session_confirmation/sms',
        'session_reminder/sms',
        'session_reminder/sms',
      ]);
      expect(
        exported.find((n) => n.template === 'session_confirmation' && n.channel === 'sms')?.body,
      ).toBe('hello');

      await t.db.transaction((em) => part.erase(volunteer.id, em));
      await t.db.transaction((em) => part.erase(volunteer.id, em));
      const rows = await textsFor(t, volunteer.id);
      expect(rows.map((r) => [r.template, r.status, r.body, r.to_phone])).toEqual([
        ['session_confirmation', 'sent', null, null],
        ['session_reminder', 'cancelled', null, null],
        ['session_reminder', 'cancelled', null, null],
      ]);
      const mail = (await outboxFor(t, volunteer.id)).filter((r) => r.channel === 'email');
      expect(mail.map((r) => [r.template, r.status, r.body, r.to_phone])).toEqual([
        ['session_confirmation', 'cancelled', null, null],
      ]);
    });
  });

  describe('reading', () => {
    it('shows me my texts in my zone, paginated; coordinators list by status, audited', async () => {
      const { volunteer, event } = await session('2026-08-03T12:00:00Z');
      await publish(t, 'session.booked', event);

      const first = await t.http
        .get('/v1/me/notifications?limit=2')
        .set(volunteer.auth)
        .expect(200);
      expect(first.body.items).toHaveLength(2);
      expect(first.body.items[0]).toMatchObject({
        template: 'session_reminder',
        channel: 'sms',
        status: 'pending',
        dueAt: {
          utc: '2026-08-03T11:00:00.000Z',
          local: '2026-08-03T14:00:00+03:00',
          timezone: 'Europe/Athens',
        },
        // What the page turns into "Reminder of your session on Mon 3 Aug": the event's start.
        startsAt: {
          utc: '2026-08-03T12:00:00.000Z',
          local: '2026-08-03T15:00:00+03:00',
          timezone: 'Europe/Athens',
        },
        body: null,
      });
      const second = await t.http
        .get('/v1/me/notifications')
        .query({ limit: 2, cursor: first.body.nextCursor, tz: 'America/New_York' })
        .set(volunteer.auth)
        .expect(200);
      // The confirmation by text and its mail twin: what is left.
      expect(second.body.nextCursor).toBeNull();
      expect(
        second.body.items.map((n: { template: string; channel: string }) => [
          n.template,
          n.channel,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['session_confirmation', 'sms'],
          ['session_confirmation', 'email'],
        ]),
      );
      expect(second.body.items).toHaveLength(2);
      expect(second.body.items[0].dueAt).toMatchObject({ timezone: 'America/New_York' });
      expect(second.body.items[0].dueAt.local).toMatch(/-04:00$/);

      await t.http.get('/v1/me/notifications?tz=Mars/Olympus').set(volunteer.auth).expect(400);
      await t.http.get('/v1/me/notifications?status=lost').set(volunteer.auth).expect(400);
      await t.http.get('/v1/notifications?status=failed').set(volunteer.auth).expect(403);

      const coordinator = await createCoordinator(t);
      await t.db.query(
        `UPDATE notification SET status = 'failed', last_error_code = '21211' WHERE recipient_id = $1
            AND template = 'session_confirmation' AND channel <> 'email'`,
        [volunteer.id],
      );
      const failed = await t.http
        .get('/v1/notifications?status=failed')
        .set(coordinator.auth)
        .expect(200);
      const mine = failed.body.items.filter(
        (n: { recipientId: string }) => n.recipientId === volunteer.id,
      );
      expect(mine).toEqual([expect.objectContaining({ status: 'failed', lastErrorCode: '21211' })]);
      expect(JSON.stringify(failed.body)).not.toContain(volunteer.phone);
      // The read names what it showed: the audit search for the text's id finds it.
      const audit = await t.http
        .get('/v1/audit')
        .query({ target: mine[0].id })
        .set(coordinator.auth)
        .expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'notification.listed',
          actorId: coordinator.id,
          targetType: 'notification',
        }),
      ]);
    });

    it('lets a coordinator send a failed text again, through the outbox; refuses after STOP or a withdrawn consent', async () => {
      const { volunteer, event } = await session('2026-08-10T12:00:00Z');
      await publish(t, 'session.booked', event);
      const coordinator = await createCoordinator(t);
      const [row] = await t.db.query(
        `UPDATE notification SET status = 'failed', last_error_code = '30003', attempts = 3
          WHERE recipient_id = $1 AND template = 'session_confirmation' AND channel <> 'email'
          RETURNING id`,
        [volunteer.id],
      );
      const [failedRow] = row as { id: string }[];
      const retry = (id: string, who = coordinator) =>
        t.http.post(`/v1/notifications/${id}/retry`).set(who.auth);

      await retry(failedRow.id, volunteer).expect(403);
      const again = await retry(failedRow.id).expect(200);
      expect(again.body).toMatchObject({
        id: failedRow.id,
        status: 'pending',
        attempts: 0,
        lastErrorCode: null,
        dueAt: clock.now().toISOString(),
      });
      const audit = await t.http
        .get('/v1/audit')
        .query({ target: failedRow.id })
        .set(coordinator.auth)
        .expect(200);
      expect(audit.body.items).toContainEqual(
        expect.objectContaining({ action: 'notification.retried', actorId: coordinator.id }),
      );
      // Not failed (any more): nothing to try again.
      const twice = await retry(failedRow.id).expect(409);
      expect(twice.body).toMatchObject({ type: '/problems/not-retryable', reason: 'not-failed' });
      await retry(randomUUID()).expect(404);

      const fail = () =>
        t.db.query(`UPDATE notification SET status = 'failed' WHERE id = $1`, [failedRow.id]);
      await fail();
      await t.db.query(`INSERT INTO sms_opt_out (phone, source) VALUES ($1, 'stop-keyword')`, [
        volunteer.phone,
      ]);
      const stopped = await retry(failedRow.id).expect(409);
      expect(stopped.body).toMatchObject({ reason: 'opted-out' });
      await t.db.query(`DELETE FROM sms_opt_out WHERE phone = $1`, [volunteer.phone]);
      await smsConsent(t, volunteer.id, false);
      const withdrawn = await retry(failedRow.id).expect(409);
      expect(withdrawn.body).toMatchObject({ reason: 'no-consent' });
      // Refusals change nothing.
      const [still] = await t.db.query(`SELECT status FROM notification WHERE id = $1`, [
        failedRow.id,
      ]);
      expect(still).toEqual({ status: 'failed' });
    });
  });
});
