import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainEventMap, DomainEvents } from '../common/domain-events.service';
import { ConsentPurpose } from '../consent/consent-purpose';
import { NotificationTemplate as T } from './notification-templates';
import { noticeTime } from './quiet-hours';
import { OutboxWriter } from './outbox-writer.service';

/**
 * Alerts to coordinators (two missed calls, an urgent concern, vetting about to expire), the
 * vetting warning to the person, and SMS consent withdrawal cancelling everything pending.
 */
@Injectable()
export class AlertNotificationsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.events.on('pairing.flagged', async (e, em) => {
      // At most one alert a day per pairing, however often it is flagged.
      const day = this.writer.now().toISOString().slice(0, 10);
      await this.writer.toCoordinators(
        T.PairingFlaggedAlert,
        `pairing:${e.pairingId}`,
        day,
        {
          pairingId: e.pairingId,
        },
        em,
      );
    });
    this.events.on('concern.raised', async (e, em) => {
      if (e.urgency !== 'urgent') return;
      const about = `concern:${e.concernId}`;
      await this.writer.toCoordinators(
        T.UrgentConcernAlert,
        about,
        'urgent',
        {
          concernId: e.concernId,
        },
        em,
      );
    });
    this.events.on('vetting.expiring', (e, em) => this.vettingExpiring(e, em));
    this.events.on('consent.withdrawn', async (e, em) => {
      if (e.purpose !== (ConsentPurpose.SmsReminders as string)) return;
      await this.writer.cancelTextsForRecipient(e.userId, 'consent-withdrawn', em);
    });
  }

  /** The person is warned (not at night: nothing here is urgent); coordinators are told. */
  private async vettingExpiring(
    e: DomainEventMap['vetting.expiring'],
    em: EntityManager,
  ): Promise<void> {
    const about = `vetting:${e.userId}`;
    const occasion = `expiring:${e.expiresOn}`;
    const payload = { userId: e.userId, expiresOn: e.expiresOn };
    const person = await this.writer.account(e.userId, em);
    if (person) {
      const warning = this.writer.notice(
        e.userId,
        T.VettingExpiringWarning,
        about,
        occasion,
        payload,
      );
      const dueAt = noticeTime(this.writer.now(), person.timezone, this.writer.quietHours);
      await this.writer.write([{ ...warning, dueAt }], em);
    }
    await this.writer.toCoordinators(T.VettingExpiringAlert, about, occasion, payload, em);
  }
}
