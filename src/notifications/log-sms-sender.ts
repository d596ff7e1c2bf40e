import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SmsMessage, SmsReceipt, SmsSender } from './sms-sender';

/**
 * The transport for laptops and demos: the notification row is the record of what was "sent";
 * the log line says that it was, and by which channel (and template, for WhatsApp), without the
 * number or the text (they are personal data).
 */
export class LogSmsSender implements SmsSender {
  private readonly logger = new Logger('SMS');

  send(message: SmsMessage): Promise<SmsReceipt> {
    const providerMessageId = `log-${randomUUID()}`;
    this.logger.log(
      {
        notificationId: message.notificationId,
        providerMessageId,
        channel: message.channel ?? 'sms',
        ...(message.template
          ? { contentSid: message.template.contentSid }
          : { length: message.body.length }),
      },
      `${message.channel === 'whatsapp' ? 'WhatsApp' : 'SMS'} recorded (log driver, not sent)`,
    );
    return Promise.resolve({ providerMessageId });
  }
}
