import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccountMailEvent, DomainEvents } from '../common/domain-events.service';
import { NotificationChannel } from './notification-status';
import { NotificationTemplate as T } from './notification-templates';
import { OutboxWriter } from './outbox-writer.service';

/**
 * The mails identity's account flows call for (sign-up, reset, password and email changes),
 * written to the outbox in the transaction that asked for them. Each ask (`requestId`) is its own
 * mail; links are minted only when the mail is sent.
 */
@Injectable()
export class AccountNotificationsListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly writer: OutboxWriter,
  ) {}

  onModuleInit(): void {
    this.events.on('account.confirmation_requested', (e, em) =>
      this.mail(e, [T.AccountConfirmEmail], em),
    );
    this.events.on('account.registration_repeated', (e, em) => this.mail(e, [T.AccountExists], em));
    this.events.on('account.password_reset_requested', (e, em) =>
      this.mail(e, [T.PasswordReset], em),
    );
    this.events.on('account.password_changed', (e, em) => this.mail(e, [T.PasswordChanged], em));
    this.events.on('account.email_change_requested', (e, em) =>
      this.mail(e, [T.EmailChangeConfirm, T.EmailChangeNotice], em),
    );
  }

  private async mail(e: AccountMailEvent, templates: T[], em: EntityManager): Promise<void> {
    const rows = templates.map((template) => ({
      ...this.writer.notice(
        e.accountId,
        template,
        `account:${e.accountId}`,
        `${template}:${e.requestId}`,
        {},
      ),
      channel: NotificationChannel.Email as const,
    }));
    await this.writer.write(rows, em);
  }
}
