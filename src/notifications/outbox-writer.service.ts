import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { EntityManager } from 'typeorm';
import { remindersConfig } from '../../config/configuration';
import { Clock } from '../common/clock';

import { AccountView, IdentityService } from '../identity/identity.service';
import { hasChosenWay, MessagePreferencesService } from './message-preferences.service';
import { NotificationTemplate } from './notification-templates';
import { NewNotification, NotificationsRepository } from './notifications.repository';
import { OutboxCommitHook } from './outbox-commit-hook.service';
import { parseQuietHours, QuietHours } from './quiet-hours';
import { planReminders, ReminderSubject } from './reminder-plan';

/**
 * What the event subscribers share: building notices and reminders with the configured offsets
 * and quiet hours, and writing or cancelling rows in the publisher's transaction (rows written
 * are enqueued once it commits).
 */
@Injectable()
export class OutboxWriter {
  readonly quietHours: QuietHours | null;

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly commitHook: OutboxCommitHook,
    private readonly identity: IdentityService,
    private readonly preferences: MessagePreferencesService,
    private readonly clock: Clock,
    @Inject(remindersConfig.KEY) readonly config: ConfigType<typeof remindersConfig>,
  ) {
    this.quietHours = parseQuietHours(config.quietHours);
  }

  now(): Date {
    return this.clock.now();
  }

  /** A message due now; `occasion` makes its key unique among the notices about this thing. */
  notice(
    recipientId: string,
    template: NotificationTemplate,
    about: string,
    occasion: string,
    payload: Record<string, string>,
  ): NewNotification {
    return {
      recipientId,
      template,
      about,
      payload,
      idempotencyKey: `${about}:${occasion}:${recipientId}`,
      dueAt: this.clock.now(),
    };
  }

  reminders(subject: ReminderSubject): NewNotification[] {
    return planReminders(subject, this.clock.now(), {
      offsetsMinutes: this.config.offsetsMinutes,
      quietHours: this.quietHours,
    });
  }

  /**
   * Writes the rows, each by the way its person chose for its kind (text, email or both: a mail
   * is a row of its own). `people` are the recipients when the caller has read them already.
   */
  async write(
    rows: NewNotification[],
    em: EntityManager,
    people?: Map<string, AccountView>,
  ): Promise<void> {
    if (!rows.some(hasChosenWay)) {
      this.commitHook.track(await this.outbox.add(rows, em), em);
      return;
    }
    const recipients =
      people ?? (await this.identity.getMany([...new Set(rows.map((r) => r.recipientId))], em));
    const chosen = await this.preferences.byChosenWay(rows, recipients, em);
    this.commitHook.track(await this.outbox.add(chosen, em), em);
  }

  cancelAbout(about: string, reason: string, em: EntityManager): Promise<number> {
    return this.outbox.cancelPendingAbout(about, reason, em);
  }

  cancelForPairing(pairingId: string, reason: string, em: EntityManager): Promise<number> {
    return this.outbox.cancelPendingForPairing(pairingId, reason, em);
  }

  cancelForRecipient(recipientId: string, reason: string, em: EntityManager): Promise<number> {
    return this.outbox.cancelPendingForRecipient(recipientId, reason, em);
  }

  /** The person, or null once erased: nobody to text. */
  account(id: string, em: EntityManager): Promise<AccountView | null> {
    return this.identity.find(id, em);
  }

  /** The people among `ids` who are still there to text (not erased), by id, in one read. */
  accounts(ids: readonly string[], em: EntityManager): Promise<Map<string, AccountView>> {
    return this.identity.getMany(ids, em);
  }

  /** One notice per coordinator. */
  async toCoordinators(
    template: NotificationTemplate,
    about: string,
    occasion: string,
    payload: Record<string, string>,
    em: EntityManager,
  ): Promise<void> {
    const coordinators = await this.identity.coordinators(em);
    await this.write(
      coordinators.map((c) => this.notice(c.id, template, about, occasion, payload)),
      em,
    );
  }
}
