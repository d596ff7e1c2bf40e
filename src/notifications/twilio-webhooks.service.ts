import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsentChannel, ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import { IdentityService } from '../identity/identity.service';
import { NotificationStatus } from './notification-status';
import { NotificationsRepository } from './notifications.repository';
import { TWILIO_UNSUBSCRIBED } from './sms-sender';

/** Twilio message statuses that end a message's life, as ours. */
const FINAL_STATUSES: Record<string, NotificationStatus.Delivered | NotificationStatus.Failed> = {
  delivered: NotificationStatus.Delivered,
  read: NotificationStatus.Delivered,
  undelivered: NotificationStatus.Failed,
  failed: NotificationStatus.Failed,
};

@Injectable()
export class TwilioWebhooksService {
  private readonly logger = new Logger(TwilioWebhooksService.name);

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly consent: ConsentService,
    private readonly identity: IdentityService,
  ) {}

  /**
   * A delivery report. Intermediate statuses (queued, sending, sent) change nothing; a final one
   * moves a `sent` row once. Reports for unknown messages are acknowledged and ignored.
   */
  async statusReport(messageSid: string, status: string, errorCode?: string): Promise<void> {
    const final = FINAL_STATUSES[status];
    if (!final) return;
    const row = await this.outbox.recordDelivery(messageSid, final, errorCode || null);
    if (row?.toPhone && errorCode === TWILIO_UNSUBSCRIBED) {
      await this.outbox.optOut(row.toPhone, 'twilio-21610');
    }
  }

  /**
   * STOP and START go through the consent ledger, for every person we text at that number whose
   * number it still is. By SMS they change SMS consent and opt the number out or back in; by
   * WhatsApp they change WhatsApp consent only (texts then go by SMS, if agreed to). In the
   * caller's transaction (the inbound message's, see RepliesService).
   */
  async applyKeyword(
    from: string,
    kind: 'stop' | 'start',
    channel: 'sms' | 'whatsapp',
    em: EntityManager,
  ): Promise<void> {
    const granted = kind === 'start';
    const whatsapp = channel === 'whatsapp';
    const purpose = whatsapp ? ConsentPurpose.WhatsappMessages : ConsentPurpose.SmsReminders;
    if (!whatsapp) {
      if (granted) await this.outbox.optIn(from, em);
      else await this.outbox.optOut(from, 'stop-keyword', em);
    }
    for (const userId of await this.holdersOf(from, em)) {
      const has = await this.consent.hasConsent(userId, purpose, em);
      if (has === granted) continue;
      await this.consent.record(
        userId,
        { purpose, granted, channel: whatsapp ? ConsentChannel.WhatsApp : ConsentChannel.Sms },
        em,
      );
    }
    this.logger.log({ kind, channel }, 'Text keyword applied');
  }

  private async holdersOf(phone: string, em: EntityManager): Promise<string[]> {
    const accounts = await this.identity.getMany(
      await this.outbox.recipientsTextedAt(phone, em),
      em,
    );
    return [...accounts.values()].filter((a) => a.phone === phone).map((a) => a.id);
  }
}
