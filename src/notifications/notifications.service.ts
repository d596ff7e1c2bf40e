import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { zonedTime } from '../common/time/zoned-time.view';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { DataRights } from '../common/data-rights.service';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import { IdentityService } from '../identity/identity.service';
import { InboundMessagesRepository } from './inbound-messages.repository';
import { MyNotificationsQuery, NotificationsQuery } from './dto/notification.dto';
import { NotificationRow, NotificationsRepository } from './notifications.repository';
import { MyNotificationView, NotificationAdminView } from './notification.view';
import { NotificationStatus } from './notification-status';
import { NotRetryableError } from './notifications.errors';
import { OutboxCommitHook } from './outbox-commit-hook.service';

const position = (r: NotificationRow) => ({ at: r.dueAt, id: r.id });

/** Reading the outbox: a person's own texts, the coordinators' view, and data rights. */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly audit: AuditService,
    private readonly dataRights: DataRights,
    private readonly inbound: InboundMessagesRepository,
    private readonly identity: IdentityService,
    private readonly consent: ConsentService,
    private readonly commitHook: OutboxCommitHook,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.dataRights.register({
      name: 'notifications',
      export: (userId, em) => this.exportFor(userId, em),
      erase: async (userId, em) => {
        // Before the outbox's: the numbers we texted them at find their messages to us.
        await this.eraseInbound(userId, em);
        await this.outbox.eraseFor(userId, em);
      },
    });
    // Messages they sent us (replies, STOP, ...): what each did and when, never what it said.
    this.dataRights.register({
      name: 'textReplies',
      export: async (userId, em) =>
        this.inbound.allFrom(userId, await this.phoneOf(userId, em), em),
      erase: (userId, em) => this.eraseInbound(userId, em),
    });
  }

  private async eraseInbound(userId: string, em: EntityManager): Promise<void> {
    await this.inbound.eraseFrom(userId, await this.phoneOf(userId, em), em);
  }

  private async phoneOf(userId: string, em: EntityManager): Promise<string | null> {
    return (await this.identity.find(userId, em))?.phone ?? null;
  }

  async mine(actor: Actor, query: MyNotificationsQuery): Promise<Page<MyNotificationView>> {
    const zone = query.tz ?? actor.timezone;
    const rows = await this.outbox.list({
      recipientId: actor.id,
      status: query.status,
      limit: query.limit,
      after: decodeCursor(query.cursor),
    });
    return toPage(rows, query.limit, position, (r) => toMine(r, zone));
  }

  /** Coordinators: e.g. every failed text. Audited as a read of records about people. */
  async list(actor: Actor, query: NotificationsQuery): Promise<Page<NotificationAdminView>> {
    const rows = await this.outbox.list({
      status: query.status,
      limit: query.limit,
      after: decodeCursor(query.cursor),
    });
    await this.audit.recordRead(
      actor,
      'notification.listed',
      rows.slice(0, query.limit).map((r) => r.id),
    );
    return toPage(rows, query.limit, position, toAdmin);
  }

  /**
   * Coordinators: a failed text goes back to the outbox as pending, due now, and the worker sends
   * it once this commits. Refused (409) when it has not failed, or when the person may not be
   * texted now: no number, no SMS consent, or opted out with STOP. Audited.
   */
  async retry(actor: Actor, id: string): Promise<NotificationAdminView> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.outbox.findOne(id, em);
      if (!row) throw new NotFoundError('notification');
      if (row.status !== NotificationStatus.Failed) throw new NotRetryableError('not-failed');
      const phone = (await this.identity.find(row.recipientId, em))?.phone;
      if (!phone) throw new NotRetryableError('no-phone');
      if (!(await this.consent.hasConsent(row.recipientId, ConsentPurpose.SmsReminders, em)))
        throw new NotRetryableError('no-consent');
      if (await this.outbox.isOptedOut(phone, em)) throw new NotRetryableError('opted-out');
      const due = await this.outbox.retryFailed(id, this.clock.now(), em);
      if (!due) throw new NotRetryableError('not-failed');
      this.commitHook.track([due], em);
      await this.audit.record(
        {
          actor,
          action: 'notification.retried',
          target: { type: 'notification', id },
          details: { lastErrorCode: row.lastErrorCode },
        },
        em,
      );
      return toAdmin((await this.outbox.findOne(id, em))!);
    });
  }

  private async exportFor(userId: string, em: EntityManager) {
    return (await this.outbox.allFor(userId, em)).map((r) => toMine(r, 'UTC'));
  }
}

function toMine(r: NotificationRow, zone: string): MyNotificationView {
  return {
    id: r.id,
    channel: r.channel,
    template: r.template,
    about: r.about,
    startsAt: r.eventStartsAt ? zonedTime(new Date(r.eventStartsAt), zone) : null,
    status: r.status,
    dueAt: zonedTime(r.dueAt, zone),
    sentAt: r.sentAt,
    body: r.body,
    reason: r.reason,
    fallbackFrom: r.fallbackFrom,
  };
}

function toAdmin(r: NotificationRow): NotificationAdminView {
  return {
    id: r.id,
    recipientId: r.recipientId,
    template: r.template,
    about: r.about,
    status: r.status,
    dueAt: r.dueAt,
    attempts: r.attempts,
    lastErrorCode: r.lastErrorCode,
    reason: r.reason,
    channel: r.channel,
    fallbackFrom: r.fallbackFrom,
    fallbackErrorCode: r.fallbackErrorCode,
    fallbackProviderMessageId: r.fallbackProviderMessageId,
    updatedAt: r.updatedAt,
  };
}
