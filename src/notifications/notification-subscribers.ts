import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { remindersConfig } from '../../config/configuration';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import {
  CheckinEvent,
  DomainEventMap,
  DomainEvents,
  PairingEvent,
  SessionEvent,
} from '../common/domain-events';
import { ConsentPurpose } from '../consent/consent-purpose';
import { Account } from '../identity/account.entity';
import { IdentityService } from '../identity/identity.service';
import { NotificationTemplate as T } from './notification-templates';
import { NewNotification, NotificationsRepository } from './notifications.repository';
import { OutboxCommitHook } from './outbox-commit-hook';
import { noticeTime, parseQuietHours } from './quiet-hours';
import { planReminders, ReminderSettings } from './reminder-plan';

/**
 * Turns domain events into outbox rows, inside the publisher's transaction: a booking and its
 * reminders commit together; a cancellation and the cancelling of its reminders too.
 */
@Injectable()
export class NotificationSubscribers implements OnModuleInit {
  private readonly settings: ReminderSettings;

  constructor(
    private readonly events: DomainEvents,
    private readonly outbox: NotificationsRepository,
    private readonly commitHook: OutboxCommitHook,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
    @Inject(remindersConfig.KEY) private readonly config: ConfigType<typeof remindersConfig>,
  ) {
    this.settings = {
      offsetsMinutes: config.offsetsMinutes,
      quietHours: parseQuietHours(config.quietHours),
    };
  }

  onModuleInit(): void {
    this.events.on('session.booked', (e, em) => this.sessionBooked(e, em));
    this.events.on('session.rescheduled', (e, em) => this.sessionRescheduled(e, em));
    this.events.on('session.cancelled', (e, em) => this.sessionCancelled(e, em));
    this.events.on('checkin.scheduled', (e, em) => this.checkinScheduled(e, em));
    this.events.on('checkin.moved', (e, em) => this.checkinMoved(e, em));
    this.events.on('checkin.cancelled', (e, em) => this.cancel(em, `checkin:${e.checkinId}`));
    this.events.on('pairing.ended', (e, em) => this.pairingEnded(e, em));
    this.events.on('pairing.flagged', (e, em) => this.pairingFlagged(e, em));
    this.events.on('concern.raised', (e, em) => this.concernRaised(e, em));
    this.events.on('vetting.expiring', (e, em) => this.vettingExpiring(e, em));
    this.events.on('consent.withdrawn', (e, em) => this.consentWithdrawn(e, em));
  }

  private async sessionBooked(e: SessionEvent, em: EntityManager): Promise<void> {
    const rows: NewNotification[] = [];
    for (const [me, other] of this.sessionParties(e)) {
      const person = await this.account(me, em);
      if (!person) continue;
      rows.push(
        this.notice(me, T.SessionConfirmation, `session:${e.sessionId}`, 'booked', {
          sessionId: e.sessionId,
          otherId: other,
          startsAt: e.startsAt.toISOString(),
        }),
        ...this.sessionReminders(e, me, other, person.timezone),
      );
    }
    await this.add(em, rows);
  }

  private async sessionRescheduled(
    e: DomainEventMap['session.rescheduled'],
    em: EntityManager,
  ): Promise<void> {
    await this.cancel(em, `session:${e.sessionId}`, 'rescheduled');
    const rows: NewNotification[] = [];
    for (const [me, other] of this.sessionParties(e)) {
      const person = await this.account(me, em);
      if (!person) continue;
      const move = `${e.previousStartsAt.toISOString()}>${e.startsAt.toISOString()}`;
      rows.push(
        this.notice(me, T.SessionRescheduled, `session:${e.sessionId}`, `moved:${move}`, {
          sessionId: e.sessionId,
          otherId: other,
          startsAt: e.startsAt.toISOString(),
          previousStartsAt: e.previousStartsAt.toISOString(),
        }),
        ...this.sessionReminders(e, me, other, person.timezone),
      );
    }
    await this.add(em, rows);
  }

  private async sessionCancelled(e: SessionEvent, em: EntityManager): Promise<void> {
    await this.cancel(em, `session:${e.sessionId}`, 'session-cancelled');
    const rows: NewNotification[] = [];
    for (const [me, other] of this.sessionParties(e)) {
      if (!(await this.account(me, em))) continue;
      rows.push(
        this.notice(me, T.SessionCancelled, `session:${e.sessionId}`, 'cancelled', {
          sessionId: e.sessionId,
          otherId: other,
          startsAt: e.startsAt.toISOString(),
        }),
      );
    }
    await this.add(em, rows);
  }

  private sessionParties(e: SessionEvent): Array<[string, string]> {
    return [
      [e.volunteerId, e.therapistId],
      [e.therapistId, e.volunteerId],
    ];
  }

  private sessionReminders(e: SessionEvent, me: string, other: string, zone: string) {
    return planReminders(
      {
        about: `session:${e.sessionId}`,
        template: T.SessionReminder,
        recipientId: me,
        zone,
        startsAt: e.startsAt,
        payload: { sessionId: e.sessionId, otherId: other, startsAt: e.startsAt.toISOString() },
      },
      this.clock.now(),
      this.settings,
    );
  }

  private async checkinScheduled(e: CheckinEvent, em: EntityManager): Promise<void> {
    await this.add(em, await this.callReminders(e, em));
  }

  private async checkinMoved(e: DomainEventMap['checkin.moved'], em: EntityManager): Promise<void> {
    const about = `checkin:${e.checkinId}`;
    await this.cancel(em, about, 'rescheduled');
    const rows = await this.callReminders(e, em);
    const move = `${e.previousStartsAt.toISOString()}>${e.startsAt.toISOString()}`;
    for (const [me, other] of [
      [e.buddyId, e.volunteerId],
      [e.volunteerId, e.buddyId],
    ]) {
      if (!(await this.account(me, em))) continue;
      rows.push(
        this.notice(me, T.CallMoved, about, `moved:${move}`, {
          ...this.callPayload(e),
          otherId: other,
          previousStartsAt: e.previousStartsAt.toISOString(),
        }),
      );
    }
    await this.add(em, rows);
  }

  /** Buddies are always reminded of their calls; volunteers unless configured otherwise. */
  private async callReminders(e: CheckinEvent, em: EntityManager): Promise<NewNotification[]> {
    const rows: NewNotification[] = [];
    const parties: Array<[string, string, T]> = [[e.buddyId, e.volunteerId, T.CallReminderBuddy]];
    if (this.config.volunteerCalls) {
      parties.push([e.volunteerId, e.buddyId, T.CallReminderVolunteer]);
    }
    for (const [me, other, template] of parties) {
      const person = await this.account(me, em);
      if (!person) continue;
      rows.push(
        ...planReminders(
          {
            about: `checkin:${e.checkinId}`,
            template,
            recipientId: me,
            zone: person.timezone,
            startsAt: e.startsAt,
            payload: { ...this.callPayload(e), otherId: other },
          },
          this.clock.now(),
          this.settings,
        ),
      );
    }
    return rows;
  }

  private callPayload(e: CheckinEvent): Record<string, string> {
    return {
      checkinId: e.checkinId,
      pairingId: e.pairingId,
      startsAt: e.startsAt.toISOString(),
      channel: e.channel,
    };
  }

  private async pairingEnded(e: PairingEvent, em: EntityManager): Promise<void> {
    await this.outbox.cancelPendingForPairing(em, e.pairingId, 'pairing-ended');
  }

  /** Coordinators hear of two missed calls in a row; at most once a day per pairing. */
  private async pairingFlagged(e: PairingEvent, em: EntityManager): Promise<void> {
    const day = this.clock.now().toISOString().slice(0, 10);
    await this.alertCoordinators(em, T.PairingFlaggedAlert, `pairing:${e.pairingId}`, day, {
      pairingId: e.pairingId,
    });
  }

  private async concernRaised(
    e: DomainEventMap['concern.raised'],
    em: EntityManager,
  ): Promise<void> {
    if (e.urgency !== 'urgent') return;
    await this.alertCoordinators(em, T.UrgentConcernAlert, `concern:${e.concernId}`, 'urgent', {
      concernId: e.concernId,
    });
  }

  /** The person is warned (not at night: nothing here is urgent); coordinators are told. */
  private async vettingExpiring(
    e: DomainEventMap['vetting.expiring'],
    em: EntityManager,
  ): Promise<void> {
    const about = `vetting:${e.userId}`;
    const payload = { userId: e.userId, expiresOn: e.expiresOn };
    const person = await this.account(e.userId, em);
    if (person) {
      await this.add(em, [
        {
          ...this.notice(
            e.userId,
            T.VettingExpiringWarning,
            about,
            `expiring:${e.expiresOn}`,
            payload,
          ),
          dueAt: noticeTime(this.clock.now(), person.timezone, this.settings.quietHours),
        },
      ]);
    }
    await this.alertCoordinators(
      em,
      T.VettingExpiringAlert,
      about,
      `expiring:${e.expiresOn}`,
      payload,
    );
  }

  /** Withdrawing SMS consent cancels every text not yet sent to that person, in the same transaction. */
  private async consentWithdrawn(
    e: DomainEventMap['consent.withdrawn'],
    em: EntityManager,
  ): Promise<void> {
    if (e.purpose !== (ConsentPurpose.SmsReminders as string)) return;
    await this.outbox.cancelPendingForRecipient(em, e.userId, 'consent-withdrawn');
  }

  private async alertCoordinators(
    em: EntityManager,
    template: T,
    about: string,
    occasion: string,
    payload: Record<string, string>,
  ): Promise<void> {
    const coordinators = await this.identity.coordinators(em);
    await this.add(
      em,
      coordinators.map((c) => this.notice(c.id, template, about, occasion, payload)),
    );
  }

  /** A message that goes out now; `occasion` makes its key unique among this thing's notices. */
  private notice(
    recipientId: string,
    template: T,
    about: string,
    occasion: string,
    payload: Record<string, string>,
  ): NewNotification {
    return {
      recipientId,
      template,
      about,
      payload,
      idempotencyKey: `${about}:${occasion}:${recipientId}`,
      dueAt: this.clock.now(),
    };
  }

  private async add(em: EntityManager, rows: NewNotification[]): Promise<void> {
    this.commitHook.track(em, await this.outbox.add(em, rows));
  }

  private async cancel(em: EntityManager, about: string, reason = 'event-cancelled') {
    await this.outbox.cancelPendingAbout(em, about, reason);
  }

  /** The person, or null once erased: nobody to text. */
  private async account(id: string, em: EntityManager): Promise<Account | null> {
    try {
      return await this.identity.get(id, em);
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }
}
