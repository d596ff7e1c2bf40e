import twilio from 'twilio';
import type { MessageListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/message';
import { BaseUrlRequestClient } from './base-url-request-client';
import { SmsMessage, SmsReceipt, SmsSendError, SmsSender } from './sms-sender';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
  /** Our WhatsApp number (E.164); WhatsApp sends need it. */
  whatsappFrom?: string;
  /** Staging and tests only: where the SDK's requests go instead of api.twilio.com. */
  apiBaseUrl?: string;
  /** Where Twilio posts delivery status updates. */
  statusCallback: string;
}

/** Per request; a send that takes longer is retried (and may be the rare duplicate). */
const TIMEOUT_MS = 15_000;

/** Sends through the real Twilio SDK (`messages.create`), asking for delivery status callbacks. */
export class TwilioSmsSender implements SmsSender {
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioSettings) {
    const options = { timeout: TIMEOUT_MS, keepAlive: true };
    this.client = twilio(settings.accountSid, settings.authToken, {
      ...options,
      ...(settings.apiBaseUrl
        ? { httpClient: new BaseUrlRequestClient(settings.apiBaseUrl, options) }
        : {}),
    });
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    try {
      const created = await this.client.messages.create(
        message.channel === 'whatsapp' ? this.whatsapp(message) : this.sms(message),
      );
      return { providerMessageId: created.sid };
    } catch (error) {
      throw classify(error);
    }
  }

  private sms(message: SmsMessage): MessageListInstanceCreateOptions {
    const sender = this.settings.messagingServiceSid
      ? { messagingServiceSid: this.settings.messagingServiceSid }
      : { from: this.settings.from };
    return {
      to: message.to,
      body: message.body,
      statusCallback: this.settings.statusCallback,
      ...sender,
    };
  }

  /** `whatsapp:`-addressed both ways; a template goes as ContentSid + ContentVariables. */
  private whatsapp(message: SmsMessage): MessageListInstanceCreateOptions {
    if (!this.settings.whatsappFrom) {
      throw new SmsSendError('whatsapp-not-configured', true, 'TWILIO_WHATSAPP_FROM is not set');
    }
    const content = message.template
      ? {
          contentSid: message.template.contentSid,
          contentVariables: JSON.stringify(message.template.variables),
        }
      : { body: message.body };
    return {
      to: `whatsapp:${message.to}`,
      from: `whatsapp:${this.settings.whatsappFrom}`,
      statusCallback: this.settings.statusCallback,
      ...content,
    };
  }
}

/**
 * Twilio answers 4xx for what will never work (21211 invalid number, 21610 unsubscribed, ...),
 * 429 when we go too fast and 5xx when it is having trouble; no status means the network failed.
 */
export function classify(error: unknown): SmsSendError {
  if (error instanceof twilio.RestException) {
    const status = error.status;
    const transient = status === 429 || status >= 500;
    const code = error.code ? String(error.code) : `http-${status}`;
    return new SmsSendError(code, !transient, `Twilio answered ${status} (${code})`);
  }
  const name = error instanceof Error ? ((error as { code?: string }).code ?? error.name) : 'error';
  return new SmsSendError(`network-${name}`, false, `Twilio unreachable: ${name}`);
}
