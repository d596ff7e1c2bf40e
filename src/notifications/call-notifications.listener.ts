import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CheckinEvent, DomainEventMap, DomainEvents } from '../common/domain-events.service';
import { NotificationTemplate as T } from './notification-templates';
import { NewNotification } from './notifications.repository';
import { OutboxWriter } from './outbox-writer.service';

/**
 * Buddy check-in calls: reminders to the buddy (and, unless configured off, the volunteer) before
 * each call; a moved call gets new reminders and a notice; a cancelled call, or every call of an
 * ended pairing, loses its pending texts, and a call one person called off is a notice to the other.
 */
@Injectable()
export class CallNotificationsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.events.on('checkin.scheduled', async (e, em) => {
      await this.writer.write(await this.reminders(e, em), em);
    });
    this.events.on('checkin.moved', (e, em) => this.moved(e, em));
    this.events.on('checkin.cancelled', (e, em) => this.cancelled(e, em));
    this.events.on('pairing.ended', async (e, em) => {
      await this.writer.cancelForPairing(e.pairingId, 'pairing-ended', em);
    });
  }

  private async moved(e: DomainEventMap['checkin.moved'], em: EntityManager): Promise<void> {
    await this.writer.cancelAbout(about(e), 'rescheduled', em);
    const rows = await this.reminders(e, em);
    const move = `moved:${e.previousStartsAt.toISOString()}>${e.startsAt.toISOString()}`;
    for (const [me, other] of [
      [e.buddyId, e.volunteerId],
      [e.volunteerId, e.buddyId],
    ]) {
      if (!(await this.writer.account(me, em))) continue;
      rows.push(
        this.writer.notice(me, T.CallMoved, about(e), move, {
          ...payload(e, other),
          previousStartsAt: e.previousStartsAt.toISOString(),
        }),
      );
    }
    await this.writer.write(rows, em);
  }

  /** Pending texts go; when one person called the call off, the other is told. */
  private async cancelled(e: DomainEventMap['checkin.cancelled'], em: EntityManager) {
    await this.writer.cancelAbout(about(e), 'call-cancelled', em);
    if (!e.cancelledBy) return;
    const other = e.cancelledBy === e.buddyId ? e.volunteerId : e.buddyId;
    if (!(await this.writer.account(other, em))) return;
    await this.writer.write(
      [
        this.writer.notice(
          other,
          T.CallCancelled,
          about(e),
          'cancelled',
          payload(e, e.cancelledBy),
        ),
      ],
      em,
    );
  }

  /** Buddies are always reminded of their calls; volunteers unless configured otherwise. */
  private async reminders(e: CheckinEvent, em: EntityManager): Promise<NewNotification[]> {
    const parties: Array<[string, string, T]> = [[e.buddyId, e.volunteerId, T.CallReminderBuddy]];
    if (this.writer.config.volunteerCalls) {
      parties.push([e.volunteerId, e.buddyId, T.CallReminderVolunteer]);
    }
    const rows: NewNotification[] = [];
    for (const [me, other, template] of parties) {
      const person = await this.writer.account(me, em);
      if (!person) continue;
      rows.push(
        ...this.writer.reminders({
          about: about(e),
          template,
          recipientId: me,
          zone: person.timezone,
          startsAt: e.startsAt,
          payload: payload(e, other),
        }),
      );
    }
    return rows;
  }
}

const about = (e: CheckinEvent) => `checkin:${e.checkinId}`;

/** `pairingId` lets an ended pairing cancel the texts of all its calls. */
const payload = (e: CheckinEvent, otherId: string) => ({
  checkinId: e.checkinId,
  pairingId: e.pairingId,
  otherId,
  startsAt: e.startsAt.toISOString(),
  channel: e.channel,
});
