/** A file sent with a mail (a calendar file, say); never fetched from a path or a URL. */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

/**
 * One mail to one address. `notificationId` is for logs and tracing, never shown to anyone.
 * `text` and `html` say the same; the HTML has no remote images and nothing that tracks.
 */
export interface MailMessage {
  notificationId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** A calendar invitation (`text/calendar; method=REQUEST`), for mail clients that show one. */
  icalEvent?: { content: string; method?: string; filename?: string };
}

export interface MailReceipt {
  providerMessageId: string;
}

/** How a mail leaves the service: SMTP in production, the log transport on a laptop. */
export interface MailSender {
  send(message: MailMessage): Promise<MailReceipt>;
}

export const MAIL_SENDER = Symbol('MAIL_SENDER');

/**
 * A send that did not go through. `permanent` failures (the server refused the address or the
 * message for good, 5xx) are not retried; the others (4xx, an unreachable server) are.
 */
export class MailSendError extends Error {
  constructor(
    readonly code: string,
    readonly permanent: boolean,
    message: string,
  ) {
    super(message);
  }
}
