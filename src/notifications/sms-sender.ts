/**
 * One text to one phone, by SMS or WhatsApp. `notificationId` is for logs and tracing, never shown
 * to anyone. `to` is E.164 without any `whatsapp:` prefix (the sender adds it).
 * A WhatsApp message is either free text (`body`, only inside the 24-hour window after the person
 * last wrote to us) or a pre-approved template (`template`); SMS always uses `body`.
 */
export interface SmsMessage {
  notificationId: string;
  to: string;
  body: string;
  /** Defaults to SMS. */
  channel?: 'sms' | 'whatsapp';
  /** WhatsApp only: send this template instead of `body`. */
  template?: WhatsAppTemplate;
}

/** A Twilio Content template: its SID (`HX…`) and the values of its numbered placeholders. */
export interface WhatsAppTemplate {
  contentSid: string;
  variables: Record<string, string>;
}

export interface SmsReceipt {
  providerMessageId: string;
}

/** How a text leaves the service: Twilio in production, the log transport on a laptop. */
export interface SmsSender {
  send(message: SmsMessage): Promise<SmsReceipt>;
}

export const SMS_SENDER = Symbol('SMS_SENDER');

/**
 * A send that did not go through. `permanent` failures (a bad number, an unsubscribed recipient)
 * are not retried; the others (rate limits, provider outages, network errors) are.
 */
export class SmsSendError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** Twilio: the recipient replied STOP to our number; the carrier will not deliver. */
export const TWILIO_UNSUBSCRIBED = '21610';

/**
 * Twilio's permanent WhatsApp refusals after which the text goes by SMS instead: 63003 the number
 * is not on WhatsApp, 63016 free text outside the 24-hour window, 63024 invalid recipient.
 */
export const WHATSAPP_FALLBACK_CODES: ReadonlySet<string> = new Set(['63003', '63016', '63024']);
