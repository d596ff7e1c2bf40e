/** One text to one phone. `notificationId` is for logs and tracing, never shown to anyone. */
export interface SmsMessage {
  notificationId: string;
  to: string;
  body: string;
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
