import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/domain-events.service';
import { NotificationTemplate } from './notification-templates';
import { OutboxWriter } from './outbox-writer.service';

/**
 * The text with a code that proves a number, due at once (quiet hours do not hold it back: the
 * person is waiting for it). It carries the code's id only; the code is drawn as it is sent.
 */
@Injectable()
export class PhoneCodeListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.events.on('phone.code_requested', async (e, em) => {
      const notice = this.writer.notice(
        e.userId,
        NotificationTemplate.PhoneCode,
        `account:${e.userId}`,
        `phone-code:${e.phoneCodeId}`,
        { phoneCodeId: e.phoneCodeId },
      );
      await this.writer.write([notice], em);
    });
  }
}
