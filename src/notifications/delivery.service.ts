import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { smsConfig } from '../../config/configuration';
import { batcher } from '../common/batcher';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import type { AccountView } from '../identity/identity.service';
import { ACCOUNT_LINKS } from './account-mail-templates';
import { MAIL_SENDER, MailSendError, MailSender } from './mail-sender';
import { MessageRenderer } from './message-renderer.service';
import { RenderedMail } from './mail-templates';
import { NotificationChannel } from './notification-status';
import { NotificationTemplate, REMINDER_TEMPLATES } from './notification-templates';
import { NotificationQueue } from './notification-queue.service';
import { ClaimedNotification, DueRow, NotificationsRepository } from './notifications.repository';
import {
  SMS_SENDER,
  SmsSendError,
  SmsSender,
  TWILIO_UNSUBSCRIBED,
  WHATSAPP_FALLBACK_CODES,
} from './sms-sender';
import { TextPreferenceService } from './text-preference.service';

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed' | 'not-claimed' | 'lost-claim';

/** A worker may run a job up to this early (clock skew between hosts). */
const EARLY_TOLERANCE_MS = 5_000;

/** Why a WhatsApp send outside the window falls back without trying: no template for the type. */
const NO_TEMPLATE = 'no-template';

/** Thrown so that the queue retries the job after a backoff. */
export class RetryLaterError extends Error {}

/** Who gets the row, at which number, by which channel first, and whether SMS may follow. */
interface Plan {
  recipient: AccountView;
  /** The other person the text names (therapist, volunteer, buddy), if any. */
  other: AccountView | null;
  phone: string;
  channel: NotificationChannel;
  /** SMS consent held and the number not opted out: a WhatsApp refusal may fall back to SMS. */
  smsAllowed: boolean;
}

interface Rendered {
  body: string;
  variables: Record<string, string>;
  /** A code in the text: sent, but never stored (the row's body says `[removed]`). */
  secret?: string;
}

/** The text as the row records it: what was sent, less any secret. */
const withoutSecret = (r: Rendered) =>
  r.secret ? r.body.replaceAll(r.secret, '[removed]') : r.body;

/**
 * Sends one outbox row: claim it, check it is still wanted, send, record. The body of the Bull
 * job, callable directly with any `now` (tests use a TestClock).
 *
 * WhatsApp, for those who chose it and agreed to it: free text inside the 24-hour window after the
 * person last wrote to our WhatsApp number, the message type's approved template outside it. A
 * permanent WhatsApp refusal (not on WhatsApp, outside the window, invalid recipient, or no
 * template for the type) sends the text by SMS instead, once: the row records the fallback, and
 * from then on it is an SMS row, so retries never go back to WhatsApp. Refusals Twilio reports
 * later, by status callback, fall back too: TwilioWebhooksService turns the row into a pending SMS
 * row and wakes delivery, which sends it here by SMS if SMS is still allowed, else fails it as a
 * refusal at send time does.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly renderer: MessageRenderer,
    private readonly consent: ConsentService,
    private readonly preferences: TextPreferenceService,
    @Inject(SMS_SENDER) private readonly sender: SmsSender,
    @Inject(MAIL_SENDER) private readonly mailer: MailSender,
    private readonly queue: NotificationQueue,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
  ) {}

  async deliver(notificationId: string, now: Date): Promise<DeliveryOutcome> {
    const dueBy = new Date(now.getTime() + EARLY_TOLERANCE_MS);
    const claim = await this.outbox.claim(notificationId, now, dueBy);
    if (!claim) return 'not-claimed';
    if (claim.channel === NotificationChannel.Email) return this.deliverMail(claim, now);

    const wanted = await this.stillWanted(claim, now);
    if ('skip' in wanted) {
      const byMail = wanted.byMail ? await this.outbox.addMailTwin(claim.id, now) : null;
      await this.outbox.markSkipped(claim, wanted.skip);
      if (byMail) await this.wake(byMail, now);
      return 'skipped';
    }
    if ('refusedByWhatsApp' in wanted) {
      await this.outbox.markFailed(claim, wanted.refusedByWhatsApp, 'refused-by-whatsapp');
      return 'failed';
    }

    let rendered: Rendered;
    try {
      rendered = await this.renderer.render(
        wanted.recipient,
        wanted.other,
        claim.template,
        claim.payload,
      );
    } catch (error) {
      this.logger.error(
        { notificationId: claim.id, err: (error as Error).message },
        'Cannot render',
      );
      await this.outbox.markFailed(claim, 'render-error', 'cannot-render');
      return 'failed';
    }

    if (wanted.channel === NotificationChannel.WhatsApp) {
      return this.sendWhatsApp(claim, wanted, rendered, now);
    }
    return this.sendSms(claim, wanted.phone, rendered, now);
  }

  /**
   * A mail row: the same claim, the same "still wanted?" questions a text asks (event begun,
   * person erased), then the address. No SMS consent is asked: mail is not a text.
   */
  private async deliverMail(claim: ClaimedNotification, now: Date): Promise<DeliveryOutcome> {
    if (eventStarted(claim, now)) return this.skip(claim, 'event-started');
    const { recipient, other } = await this.renderer.people(
      claim.recipientId,
      claim.payload.otherId,
    );
    if (!recipient) return this.skip(claim, 'recipient-erased');
    const to = await this.mailAddress(claim, recipient);
    if (!to) return this.skip(claim, 'no-confirmed-email');

    let mail: RenderedMail;
    try {
      mail = await this.renderer.renderMail(recipient, other, claim.template, claim.payload);
    } catch (error) {
      this.logger.error(
        { notificationId: claim.id, err: (error as Error).message },
        'Cannot render mail',
      );
      await this.outbox.markFailed(claim, 'render-error', 'cannot-render');
      return 'failed';
    }

    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.mailer.send({
        notificationId: claim.id,
        to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      }));
    } catch (error) {
      return this.failed(claim, null, asSendError(error), NotificationChannel.Email);
    }
    const recorded = await this.outbox.markSent(claim, {
      providerMessageId,
      toPhone: null,
      toEmail: to,
      body: mail.storedText,
      at: now,
      channel: NotificationChannel.Email,
    });
    return recorded ? 'sent' : 'lost-claim';
  }

  /**
   * Where a mail row goes, or null when it must not go anywhere: the recipient's own address,
   * once they have proved it is theirs.
   */
  async mailAddress(claim: ClaimedNotification, recipient: AccountView): Promise<string | null> {
    // A link to confirm an address, or to reset a password, goes to the address it is for.
    const link = ACCOUNT_LINKS[claim.template];
    if (link) return this.renderer.linkAddress(recipient.id, link.purpose);
    return recipient.email && recipient.emailConfirmed ? recipient.email : null;
  }

  private async skip(claim: ClaimedNotification, reason: string): Promise<DeliveryOutcome> {
    await this.outbox.markSkipped(claim, reason);
    return 'skipped';
  }

  /** The recipient, number and channel, or why the row must not be sent now. */
  private async stillWanted(
    claim: ClaimedNotification,
    now: Date,
  ): Promise<{ skip: string; byMail?: boolean } | { refusedByWhatsApp: string } | Plan> {
    if (eventStarted(claim, now)) return { skip: 'event-started' };
    // Asked together: each is a batched statement, and a text waits for every one it asks.
    const [{ recipient, other }, smsConsent] = await Promise.all([
      this.renderer.people(claim.recipientId, claim.payload.otherId),
      this.smsConsent(claim.recipientId),
    ]);
    if (!recipient) return { skip: 'recipient-erased' };
    if (!recipient.phone) return { skip: 'no-phone' };
    const phone = recipient.phone;
    // The code that proves a number is the one text an unconfirmed number gets; the person asked
    // for it that moment, so it needs no consent to reminders (a STOP still stops it).
    const isCode = claim.template === NotificationTemplate.PhoneCode;
    if (!recipient.phoneConfirmed && !isCode) {
      // A reminder still reaches them, by email, while their number waits to be confirmed.
      const byMail = REMINDER_TEMPLATES.has(claim.template) && recipient.emailConfirmed;
      return { skip: 'phone-unconfirmed', byMail };
    }

    const smsAllowed = (smsConsent || isCode) && !(await this.outbox.isOptedOut(phone));
    if (!claim.fallbackFrom && (await this.wantsWhatsApp(recipient.id))) {
      return { recipient, other, phone, channel: NotificationChannel.WhatsApp, smsAllowed };
    }
    // Refused by WhatsApp after Twilio accepted it, and SMS may not go: failed, as a refusal at
    // send time without SMS is.
    if (!smsAllowed && claim.refusedAfterAcceptance && claim.fallbackErrorCode) {
      return { refusedByWhatsApp: claim.fallbackErrorCode };
    }
    if (!smsConsent && !isCode) return { skip: 'no-consent' };
    if (!smsAllowed) return { skip: 'opted-out' };
    return { recipient, other, phone, channel: NotificationChannel.Sms, smsAllowed };
  }

  /**
   * Wakes a worker for a row made here (a reminder's mail instead of its text). Should Redis be
   * away, the row waits in PostgreSQL for the sweeper, as every row does.
   */
  private async wake(row: DueRow, now: Date): Promise<void> {
    try {
      await this.queue.enqueue([row], now);
    } catch (error) {
      this.logger.warn(
        { notificationId: row.id, err: (error as Error).message },
        'Mail left for the sweeper',
      );
    }
  }

  /** SMS consent, asked for every delivery in flight in one query. */
  private readonly smsConsent = batcher<string, boolean>(async (ids) => {
    const agreed = await this.consent.consentedAmong(ids, ConsentPurpose.SmsReminders);
    return ids.map((id) => agreed.has(id));
  });

  /** Chose WhatsApp and agreed to it; without that consent their texts go by SMS. */
  private async wantsWhatsApp(userId: string): Promise<boolean> {
    return (
      (await this.preferences.channelFor(userId)) === NotificationChannel.WhatsApp &&
      (await this.consent.hasConsent(userId, ConsentPurpose.WhatsappMessages))
    );
  }

  private async sendWhatsApp(
    claim: ClaimedNotification,
    plan: Plan,
    rendered: Rendered,
    now: Date,
  ): Promise<DeliveryOutcome> {
    const windowOpen = await this.outbox.whatsappWindowOpen(plan.phone, now);
    const contentSid = this.config.whatsapp.templates.get(claim.template);
    if (!windowOpen && !contentSid) return this.fallBack(claim, plan, rendered, NO_TEMPLATE, now);

    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.sender.send({
        notificationId: claim.id,
        to: plan.phone,
        body: rendered.body,
        channel: 'whatsapp',
        // Inside the window free text; outside it only the approved template may go.
        template:
          windowOpen || !contentSid ? undefined : { contentSid, variables: rendered.variables },
      }));
    } catch (error) {
      const failure = asSendError(error);
      if (failure.permanent && WHATSAPP_FALLBACK_CODES.has(failure.code)) {
        return this.fallBack(claim, plan, rendered, failure.code, now);
      }
      return this.failed(claim, plan.phone, failure, NotificationChannel.WhatsApp);
    }
    const recorded = await this.outbox.markSent(claim, {
      providerMessageId,
      toPhone: plan.phone,
      body: withoutSecret(rendered),
      at: now,
      channel: NotificationChannel.WhatsApp,
    });
    return recorded ? 'sent' : 'lost-claim';
  }

  /**
   * WhatsApp refused for good: the row becomes an SMS row that remembers the refusal, and the same
   * text goes by SMS now, if the person agreed to SMS. Never a second time: a fallen-back row is
   * never sent by WhatsApp again.
   */
  private async fallBack(
    claim: ClaimedNotification,
    plan: Plan,
    rendered: Rendered,
    code: string,
    now: Date,
  ): Promise<DeliveryOutcome> {
    if (!plan.smsAllowed) {
      if (code === NO_TEMPLATE) {
        await this.outbox.markSkipped(claim, 'no-whatsapp-template');
        return 'skipped';
      }
      await this.outbox.markFailed(claim, code, 'refused-by-whatsapp');
      return 'failed';
    }
    if (!(await this.outbox.recordFallback(claim, code, now))) return 'lost-claim';
    this.logger.warn({ notificationId: claim.id, code }, 'WhatsApp refused; sending by SMS');
    return this.sendSms(claim, plan.phone, rendered, now);
  }

  private async sendSms(
    claim: ClaimedNotification,
    phone: string,
    rendered: Rendered,
    now: Date,
  ): Promise<DeliveryOutcome> {
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.sender.send({
        notificationId: claim.id,
        to: phone,
        body: rendered.body,
        channel: 'sms',
      }));
    } catch (error) {
      return this.failed(claim, phone, asSendError(error), NotificationChannel.Sms);
    }
    const recorded = await this.outbox.markSent(claim, {
      providerMessageId,
      toPhone: phone,
      body: withoutSecret(rendered),
      at: now,
      channel: NotificationChannel.Sms,
    });
    return recorded ? 'sent' : 'lost-claim';
  }

  private async failed(
    claim: ClaimedNotification,
    phone: string | null,
    failure: SmsSendError | MailSendError,
    channel: NotificationChannel,
  ): Promise<DeliveryOutcome> {
    // 21610 is the carrier's SMS opt-out; it says nothing about WhatsApp.
    if (failure.code === TWILIO_UNSUBSCRIBED && channel === NotificationChannel.Sms && phone) {
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
      { notificationId: claim.id, attempt: claim.attempt, code: failure.code, channel },
      'Send failed; will retry',
    );
    throw new RetryLaterError(
      `Message ${claim.id} attempt ${claim.attempt} failed: ${failure.code}`,
    );
  }
}

/** A reminder is never sent once its event has begun. */
function eventStarted(claim: ClaimedNotification, now: Date): boolean {
  const startsAt = claim.payload.startsAt ? new Date(claim.payload.startsAt) : null;
  return REMINDER_TEMPLATES.has(claim.template) && startsAt !== null && startsAt <= now;
}

function asSendError(error: unknown): SmsSendError | MailSendError {
  return error instanceof SmsSendError || error instanceof MailSendError
    ? error
    : new SmsSendError('unexpected', false, (error as Error)?.message ?? String(error));
}
