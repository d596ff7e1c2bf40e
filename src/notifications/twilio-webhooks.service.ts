import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { ConsentChannel, ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import { IdentityService } from '../identity/identity.service';
import { NotificationQueue } from './notification-queue.service';
import { NotificationStatus } from './notification-status';
import { NotificationsRepository } from './notifications.repository';
import { TWILIO_UNSUBSCRIBED, WHATSAPP_FALLBACK_CODES } from './sms-sender';

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
    private readonly queue: NotificationQueue,
    private readonly clock: Clock,
  ) {}

  /**
   * A delivery report. Intermediate statuses (queued, sending, sent) change nothing; a final one
   * moves a `sent` row once. Reports for unknown messages are acknowledged and ignored.
   * A WhatsApp message refused for good (63003, 63016, 63024) falls back to SMS instead, as when
   * Twilio refuses it at once: delivery then sends it by SMS if the person may get SMS.
   */
  async statusReport(messageSid: string, status: string, errorCode?: string): Promise<void> {
    const final = FINAL_STATUSES[status];
    if (!final) return;
    const code = errorCode || null;
    if (final === NotificationStatus.Failed && code && WHATSAPP_FALLBACK_CODES.has(code)) {
      if (await this.fallBackToSms(messageSid, code)) return;
    }
    const row = await this.outbox.recordDelivery(messageSid, final, code);
    if (row?.toPhone && code === TWILIO_UNSUBSCRIBED) {
      await this.outbox.optOut(row.toPhone, 'twilio-21610');
    }
  }

  /** The row is committed as a pending SMS row; a lost wake-up is the sweeper's to make good. */
  private async fallBackToSms(messageSid: string, code: string): Promise<boolean> {
    const now = this.clock.now();
    const row = await this.outbox.fallBackAfterReport(messageSid, code, now);
    if (!row) return false;
    this.logger.warn({ notificationId: row.id, code }, 'WhatsApp refused later; sending by SMS');
    await this.queue.enqueueAfterCommit([row], now);
    return true;
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
