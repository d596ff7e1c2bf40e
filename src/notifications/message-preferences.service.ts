import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '../common/auth.decorators';
import { DataRights } from '../common/data-rights.service';
import { RuleViolationError } from '../common/domain-error';
import type { AccountView } from '../identity/identity.service';
import { IdentityService } from '../identity/identity.service';
import { MessageChoiceDto } from './dto/message-preferences.dto';
import { MessageKind, MessageWay } from './message-preference.entity';
import { MessagePreferencesRepository } from './message-preferences.repository';
import { MessagePreferencesView } from './message-preferences.view';
import { NotificationChannel } from './notification-status';
import { NotificationTemplate as T } from './notification-templates';
import { NewNotification } from './notifications.repository';

/** Which kind each message type is; types not listed go by text only. */
const KIND_OF: Partial<Record<T, MessageKind>> = {
  [T.SessionReminder]: MessageKind.Reminders,
  [T.CallReminderBuddy]: MessageKind.Reminders,
  [T.CallReminderVolunteer]: MessageKind.Reminders,
  [T.SessionConfirmation]: MessageKind.Changes,
  [T.SessionRescheduled]: MessageKind.Changes,
  [T.SessionCancelled]: MessageKind.Changes,
  [T.SessionCannotAttend]: MessageKind.Changes,
  [T.CallMoved]: MessageKind.Changes,
  [T.CallCancelled]: MessageKind.Changes,
};

/** Go by text and by email to everyone they are for, whatever anyone chose: coordinators' alarms. */
const ALWAYS_BOTH: ReadonlySet<T> = new Set([T.UrgentConcernAlert]);

const DEFAULTS: Record<MessageKind, MessageWay> = {
  [MessageKind.Reminders]: MessageWay.Text,
  [MessageKind.Changes]: MessageWay.Both,
};

/** Therapists live in email: every booking, move and cancellation reaches them there. */
const changesAlwaysByEmail = (role: Role) => role === Role.Therapist;

class ChangesByEmailError extends RuleViolationError {
  constructor() {
    super(
      'changes-by-email',
      'Therapists get every booking, move and cancellation by email. Choose email, or email and text.',
    );
  }
}

/** Whether a message's way depends on its person (and so on who they are). */
export const hasChosenWay = (row: NewNotification) =>
  !row.channel && (KIND_OF[row.template] !== undefined || ALWAYS_BOTH.has(row.template));

/** The mail twin of a text row: the same message, its own key. */
export const mailTwin = (row: NewNotification): NewNotification => ({
  ...row,
  channel: NotificationChannel.Email,
  idempotencyKey: `${row.idempotencyKey}:email`,
});

/**
 * Which kinds of message go by text, by email or both, per person. Rows are written per channel:
 * a message for both is two outbox rows (the text's key, and the same key + `:email`), each sent,
 * retried and swept on its own.
 */
@Injectable()
export class MessagePreferencesService implements OnModuleInit {
  constructor(
    private readonly repository: MessagePreferencesRepository,
    private readonly identity: IdentityService,
    private readonly dataRights: DataRights,
  ) {}

  onModuleInit(): void {
    this.dataRights.register({
      name: 'message_preference',
      export: (userId, em) => this.repository.exportFor(userId, em),
      erase: (userId, em) => this.repository.eraseFor(userId, em),
    });
  }

  async view(actor: Actor): Promise<MessagePreferencesView> {
    const account = await this.identity.find(actor.id);
    const chosen = await this.repository.chosenBy([actor.id]);
    const way = (kind: MessageKind) => chosen.find((c) => c.kind === kind)?.way ?? DEFAULTS[kind];
    return {
      reminders: way(MessageKind.Reminders),
      changes: way(MessageKind.Changes),
      hasEmail: account?.email != null,
      emailConfirmed: account?.emailConfirmed ?? false,
      changesAlwaysByEmail: changesAlwaysByEmail(actor.role),
    };
  }

  /** 422 `changes-by-email` when a therapist asks for changes by text only. */
  async choose(actor: Actor, choice: MessageChoiceDto): Promise<MessagePreferencesView> {
    if (choice.changes === MessageWay.Text && changesAlwaysByEmail(actor.role)) {
      throw new ChangesByEmailError();
    }
    const ways: Array<[MessageKind, MessageWay]> = [];
    if (choice.reminders) ways.push([MessageKind.Reminders, choice.reminders]);
    if (choice.changes) ways.push([MessageKind.Changes, choice.changes]);
    await this.repository.choose(actor.id, ways);
    return this.view(actor);
  }

  /**
   * The rows to write for these messages: each text row as it is, unless its person chose email
   * only, and its mail twin when its person gets this kind by email and has a confirmed address
   * now (delivery asks again when it sends). `people` are the recipients, from one read.
   */
  async byChosenWay(
    rows: NewNotification[],
    people: Map<string, AccountView>,
    em: EntityManager,
  ): Promise<NewNotification[]> {
    const mailable = (id: string) => people.get(id)?.emailConfirmed === true;
    const choosing = rows.filter((r) => KIND_OF[r.template] && !r.channel);
    const chosen = await this.repository.chosenBy(
      [...new Set(choosing.map((r) => r.recipientId))].filter(mailable),
      em,
    );
    const wayOf = (recipientId: string, kind: MessageKind) => {
      const way = chosen.find((c) => c.accountId === recipientId && c.kind === kind)?.way;
      const role = people.get(recipientId)?.role;
      if (kind === MessageKind.Changes && role && changesAlwaysByEmail(role)) {
        return way === MessageWay.Email ? MessageWay.Email : MessageWay.Both;
      }
      return way ?? DEFAULTS[kind];
    };
    return rows.flatMap((row) => {
      if (row.channel) return [row];
      if (ALWAYS_BOTH.has(row.template)) {
        return mailable(row.recipientId) ? [row, mailTwin(row)] : [row];
      }
      const kind = KIND_OF[row.template];
      if (!kind || !mailable(row.recipientId)) return [row];
      const way = wayOf(row.recipientId, kind);
      if (way === MessageWay.Email) return [mailTwin(row)];
      if (way === MessageWay.Both) return [row, mailTwin(row)];
      return [row];
    });
  }
}
