import nodemailer, { Transporter } from 'nodemailer';
import { MailMessage, MailReceipt, MailSendError, MailSender } from './mail-sender';

/** Per stage (connect, greeting, each command); a send that takes longer is retried. */
const TIMEOUT_MS = 15_000;

/**
 * Sends over SMTP with nodemailer. `smtp://` upgrades with STARTTLS whenever the server offers it
 * (`?requireTLS=true` refuses a server that does not); `smtps://` is TLS from the first byte.
 * Nothing is read from files or URLs: attachments come as content only.
 */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: TIMEOUT_MS,
      greetingTimeout: TIMEOUT_MS,
      socketTimeout: TIMEOUT_MS,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: MailMessage): Promise<MailReceipt> {
    try {
      const info = (await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        attachments: message.attachments,
        icalEvent: message.icalEvent,
        // Sent by the service, not a person: auto-responders should not answer it.
        headers: { 'Auto-Submitted': 'auto-generated' },
      })) as { messageId: string };
      return { providerMessageId: info.messageId };
    } catch (error) {
      throw classifySmtp(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * SMTP answers 5xx for what will never work (no such mailbox, message refused) and 4xx for
 * "try later"; no response code means the server could not be reached or the connection broke.
 * A refused login (535) is the service's configuration, not the message: retried, so mail waits
 * for the fix rather than failing for good.
 */
export function classifySmtp(error: unknown): MailSendError {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') {
    const permanent = responseCode >= 500 && code !== 'EAUTH';
    return new MailSendError(
      `smtp-${responseCode}`,
      permanent,
      `SMTP answered ${responseCode}${code ? ` (${code})` : ''}`,
    );
  }
  const name = code ?? (error instanceof Error ? error.name : 'error');
  return new MailSendError(`network-${name}`, false, `SMTP unreachable: ${name}`);
}
