import twilio from 'twilio';
import { BaseUrlRequestClient } from './base-url-request-client';
import { SmsMessage, SmsReceipt, SmsSendError, SmsSender } from './sms-sender';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from?: string;
  messagingServiceSid?: string;
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
    const sender = this.settings.messagingServiceSid
      ? { messagingServiceSid: this.settings.messagingServiceSid }
      : { from: this.settings.from };
    try {
      const created = await this.client.messages.create({
        to: message.to,
        body: message.body,
        statusCallback: this.settings.statusCallback,
        ...sender,
      });
      return { providerMessageId: created.sid };
    } catch (error) {
      throw classify(error);
    }
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
