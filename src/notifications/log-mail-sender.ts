import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { MailMessage, MailReceipt, MailSender } from './mail-sender';

/**
 * The transport for laptops and demos (MAIL_DRIVER=log): the notification row is the record of
 * what was "sent" (its `to_email` and `body`, as a text's row records its number and text); the
 * log line says that it was, without the address, subject or words (they are personal data).
 */
export class LogMailSender implements MailSender {
  private readonly logger = new Logger('Mail');

  send(message: MailMessage): Promise<MailReceipt> {
    const providerMessageId = `log-${randomUUID()}`;
    this.logger.log(
      {
        notificationId: message.notificationId,
        providerMessageId,
        length: message.text.length,
        attachments: (message.attachments?.length ?? 0) + (message.icalEvent ? 1 : 0),
      },
      'Mail recorded (log driver, not sent)',
    );
    return Promise.resolve({ providerMessageId });
  }
}
