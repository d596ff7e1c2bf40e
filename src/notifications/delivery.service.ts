import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { smsConfig } from '../../config/configuration';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import type { AccountView } from '../identity/identity.service';
import { MessageRenderer } from './message-renderer.service';
import { REMINDER_TEMPLATES } from './notification-templates';
import { ClaimedNotification, NotificationsRepository } from './notifications.repository';
import { SMS_SENDER, SmsSendError, SmsSender, TWILIO_UNSUBSCRIBED } from './sms-sender';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'not-claimed' | 'lost-claim';

/** A worker may run a job up to this early (clock skew between hosts). */
const EARLY_TOLERANCE_MS = 5_000;

/** Thrown so that the queue retries the job after a backoff. */
export class RetryLaterError extends Error {}

/**
 * Sends one outbox row: claim it, check it is still wanted, send, record. The body of the Bull
 * job, callable directly with any `now` (tests use a TestClock).
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly renderer: MessageRenderer,
    private readonly consent: ConsentService,
    @Inject(SMS_SENDER) private readonly sender: SmsSender,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
  ) {}

  async deliver(notificationId: string, now: Date): Promise<DeliveryOutcome> {
    const dueBy = new Date(now.getTime() + EARLY_TOLERANCE_MS);
    const claim = await this.outbox.claim(notificationId, now, dueBy);
    if (!claim) return 'not-claimed';

    const wanted = await this.stillWanted(claim, now);
    if ('skip' in wanted) {
      await this.outbox.markSkipped(claim, wanted.skip);
      return 'skipped';
    }
    const { recipient, phone } = wanted;

    let body: string;
    try {
      body = await this.renderer.render(recipient, claim.template, claim.payload);
    } catch (error) {
      this.logger.error(
        { notificationId: claim.id, err: (error as Error).message },
        'Cannot render',
      );
      await this.outbox.markFailed(claim, 'render-error', 'cannot-render');
      return 'failed';
    }

    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.sender.send({
        notificationId: claim.id,
        to: phone,
        body,
      }));
    } catch (error) {
      return this.failed(claim, phone, error);
    }
    const recorded = await this.outbox.markSent(claim, {
      providerMessageId,
      toPhone: phone,
      body,
      at: now,
    });
    return recorded ? 'sent' : 'lost-claim';
  }

  /** The recipient and number to text, or why the row must not be sent now. */
  private async stillWanted(
    claim: ClaimedNotification,
    now: Date,
  ): Promise<{ skip: string } | { recipient: AccountView; phone: string }> {
    const startsAt = claim.payload.startsAt ? new Date(claim.payload.startsAt) : null;
    if (REMINDER_TEMPLATES.has(claim.template) && startsAt && startsAt <= now) {
      return { skip: 'event-started' };
    }
    const recipient = await this.renderer.recipient(claim.recipientId);
    if (!recipient) return { skip: 'recipient-erased' };
    if (!recipient.phone) return { skip: 'no-phone' };
    if (!(await this.consent.hasConsent(recipient.id, ConsentPurpose.SmsReminders))) {
      return { skip: 'no-consent' };
    }
    if (await this.outbox.isOptedOut(recipient.phone)) return { skip: 'opted-out' };
    return { recipient, phone: recipient.phone };
  }

  private async failed(
    claim: ClaimedNotification,
    phone: string,
    error: unknown,
  ): Promise<DeliveryOutcome> {
    const failure =
      error instanceof SmsSendError
        ? error
        : new SmsSendError('unexpected', false, (error as Error)?.message ?? String(error));
    if (failure.code === TWILIO_UNSUBSCRIBED) {
      await this.outbox.optOut(phone, 'twilio-21610');
      await this.outbox.markSkipped(claim, 'opted-out');
      return 'skipped';
    }
    if (failure.permanent) {
      await this.outbox.markFailed(claim, failure.code, 'refused-by-provider');
      return 'failed';
    }
    if (claim.attempt >= this.config.maxAttempts) {
      await this.outbox.markFailed(claim, failure.code, 'out-of-attempts');
      return 'failed';
    }
    await this.outbox.release(claim, failure.code);
    this.logger.warn(
      { notificationId: claim.id, attempt: claim.attempt, code: failure.code },
      'SMS send failed; will retry',
    );
    throw new RetryLaterError(`SMS ${claim.id} attempt ${claim.attempt} failed: ${failure.code}`);
  }
}
