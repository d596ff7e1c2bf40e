import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEventMap, DomainEvents, SessionEvent } from '../common/domain-events.service';
import { NotificationTemplate as T } from './notification-templates';
import { NewNotification } from './notifications.repository';
import { OutboxWriter } from './outbox-writer.service';

/**
 * Therapy sessions: a confirmation and reminders for the volunteer and the therapist when booked;
 * on a move the old reminders are cancelled and new ones planned with a notice; on a cancel the
 * pending texts are cancelled and both are told who cancelled. Each in the session's own transaction.
 */
@Injectable()
export class SessionNotificationsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.events.on('session.booked', (e, em) => this.booked(e, em));
    this.events.on('session.rescheduled', (e, em) => this.rescheduled(e, em));
    this.events.on('session.cancelled', (e, em) => this.cancelled(e, em));
  }

  private async booked(e: SessionEvent, em: EntityManager): Promise<void> {
    await this.notify(
      e,
      (me, other, zone) => [
        this.writer.notice(me, T.SessionConfirmation, about(e), 'booked', payload(e, other)),
        ...this.reminders(e, me, other, zone),
      ],
      em,
    );
  }

  private async rescheduled(
    e: DomainEventMap['session.rescheduled'],
    em: EntityManager,
  ): Promise<void> {
    await this.writer.cancelAbout(about(e), 'rescheduled', em);
    const move = `moved:${e.previousStartsAt.toISOString()}>${e.startsAt.toISOString()}`;
    await this.notify(
      e,
      (me, other, zone) => [
        this.writer.notice(me, T.SessionRescheduled, about(e), move, {
          ...payload(e, other),
          previousStartsAt: e.previousStartsAt.toISOString(),
        }),
        ...this.reminders(e, me, other, zone),
      ],
      em,
    );
  }

  /** Both are told, and who cancelled (a person, or the service when `cancelledBy` is null). */
  private async cancelled(
    e: DomainEventMap['session.cancelled'],
    em: EntityManager,
  ): Promise<void> {
    await this.writer.cancelAbout(about(e), 'session-cancelled', em);
    const by: Record<string, string> = e.cancelledBy ? { cancelledBy: e.cancelledBy } : {};
    await this.notify(
      e,
      (me, other) => [
        this.writer.notice(me, T.SessionCancelled, about(e), 'cancelled', {
          ...payload(e, other),
          ...by,
        }),
      ],
      em,
    );
  }

  /** Both people of the session, from one read, skipping an erased one; one insert for all rows. */
  private async notify(
    e: SessionEvent,
    rowsFor: (me: string, other: string, zone: string) => NewNotification[],
    em: EntityManager,
  ): Promise<void> {
    const people = await this.writer.accounts([e.volunteerId, e.therapistId], em);
    const rows = parties(e).flatMap(([me, other]) => {
      const person = people.get(me);
      return person ? rowsFor(me, other, person.timezone) : [];
    });
    await this.writer.write(rows, em, people);
  }

  private reminders(e: SessionEvent, me: string, other: string, zone: string) {
    return this.writer.reminders({
      about: about(e),
      template: T.SessionReminder,
      recipientId: me,
      zone,
      startsAt: e.startsAt,
      payload: payload(e, other),
    });
  }
}

const about = (e: SessionEvent) => `session:${e.sessionId}`;

/** Each recipient with the other person of the session. */
const parties = (e: SessionEvent): Array<[string, string]> => [
  [e.volunteerId, e.therapistId],
  [e.therapistId, e.volunteerId],
];

const payload = (e: SessionEvent, otherId: string) => ({
  sessionId: e.sessionId,
  otherId,
  startsAt: e.startsAt.toISOString(),
});
