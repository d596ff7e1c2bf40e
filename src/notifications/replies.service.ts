import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { remindersConfig } from '../../config/configuration';
import { CheckinsService } from '../checkins/checkins.service';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { AccountView, IdentityService } from '../identity/identity.service';
import { ConcernsService } from '../safeguarding/concerns.service';
import { LinksService } from '../links/links.service';
import { SessionsService } from '../sessions/sessions.service';
import { firstName } from '../common/first-name';
import { NotificationTemplate as T } from './notification-templates';
import { InboundMessagesRepository, ReplyContext } from './inbound-messages.repository';
import { NotificationsRepository } from './notifications.repository';
import { OutboxWriter } from './outbox-writer.service';
import {
  Answer,
  parseReply,
  REPLY_TEXTS,
  REPLYABLE,
  REPLYABLE_TEMPLATES,
  ReplyAction,
  Sender,
} from './replies';
import { TwilioWebhooksService } from './twilio-webhooks.service';

export interface Inbound extends Sender {
  messageSid: string;
  body: string;
}

/** What the webhook answers: a text back (TwiML), or nothing. */
export interface InboundResult {
  duplicate: boolean;
  action: ReplyAction | null;
  message: string | null;
}

interface Handled {
  action: ReplyAction;
  message: string | null;
  inReplyToId?: string;
}

const HOUR = 3_600_000;

/**
 * Every message sent to our number, in one transaction per message: the `inbound_message` row
 * first (once per Twilio MessageSid; a second delivery does nothing), then what it asks for.
 * STOP / START / HELP as Twilio's keywords; an answer to one of our texts (REPLYABLE) acts through
 * the owning module's exported service, as if the person had done it in the app:
 * - to a buddy's call reminder: `1` done, `2` missed (CheckinsService: the same rules, audit and
 *   missed-call flag as the API), `3` a concern asking for the coordinator (ConcernsService);
 * - to a volunteer's session text: `YES` confirmed, `NO` can't make it (SessionsService), and the
 *   therapist is told by text.
 * A reply counts only against the latest replyable text we sent to that number within
 * REPLY_WINDOW_HOURS, whose recipient still has that number; anything else gets HELP and changes
 * nothing.
 */
@Injectable()
export class RepliesService {
  private readonly logger = new Logger(RepliesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbound: InboundMessagesRepository,
    private readonly outbox: NotificationsRepository,
    private readonly keywords: TwilioWebhooksService,
    private readonly identity: IdentityService,
    private readonly checkins: CheckinsService,
    private readonly sessions: SessionsService,
    private readonly concerns: ConcernsService,
    private readonly writer: OutboxWriter,
    private readonly links: LinksService,
    private readonly clock: Clock,
    @Inject(remindersConfig.KEY) private readonly config: ConfigType<typeof remindersConfig>,
  ) {}

  /**
   * Where a volunteer who replied NO can move the session: its signed link (no sign-in, this one
   * session, this volunteer, dead once the session moves), or their session page when none can be
   * made.
   */
  private async rescheduleLinkFor(sessionId: string, volunteerId: string): Promise<string> {
    const signed = await this.links.linkFor('session', sessionId, volunteerId);
    return signed ?? `${this.config.publicBaseUrl}/volunteer/sessions/${sessionId}`;
  }

  async receive(message: Inbound): Promise<InboundResult> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(async (em) => {
      const id = await this.inbound.insertOnce(
        {
          messageSid: message.messageSid,
          channel: message.channel,
          fromPhone: message.phone,
          receivedAt: now,
        },
        em,
      );
      if (!id) return { duplicate: true, action: null, message: null };
      const handled = await this.handle(message, now, em);
      await this.inbound.recordAction(id, handled.action, handled.inReplyToId ?? null, em);
      return { duplicate: false, action: handled.action, message: handled.message };
    });
    this.logger.log(
      { channel: message.channel, action: result.action, duplicate: result.duplicate },
      'Inbound message',
    );
    return result;
  }

  private async handle(message: Inbound, now: Date, em: EntityManager): Promise<Handled> {
    const parsed = parseReply(message.body);
    if (parsed === 'help') return { action: 'help', message: REPLY_TEXTS.help };
    if (parsed === 'stop' || parsed === 'start') return this.keyword(message, parsed, em);
    // YES is also Twilio's opt-in word: from an opted-out number it means START.
    if (parsed === 'yes' && (await this.outbox.isOptedOut(message.phone, em))) {
      return this.keyword(message, 'start', em);
    }
    if (parsed === 'other') return { action: 'unknown', message: REPLY_TEXTS.help };

    const since = new Date(now.getTime() - this.config.replyWindowHours * HOUR);
    const context = await this.inbound.latestSentTo(message.phone, REPLYABLE_TEMPLATES, since, em);
    const person = context ? await this.identity.find(context.recipientId, em) : null;
    // Only a confirmed number speaks for its owner: an unconfirmed one may be someone else's.
    if (!context || person?.phone !== message.phone || !person.phoneConfirmed) {
      return { action: 'no-context', message: REPLY_TEXTS.help };
    }
    if (!REPLYABLE[context.template]?.includes(parsed)) {
      return { action: 'unknown', message: REPLY_TEXTS.help, inReplyToId: context.id };
    }
    try {
      const handled =
        context.template === T.CallReminderBuddy
          ? await this.callReply(parsed, context, person, now, em)
          : await this.sessionReply(parsed, context, person, em);
      return { ...handled, inReplyToId: context.id };
    } catch (error) {
      // Not (or no longer) theirs: thrown before any write, so the transaction goes on.
      if (!(error instanceof NotFoundError)) throw error;
      return { action: 'no-context', message: REPLY_TEXTS.help, inReplyToId: context.id };
    }
  }

  /** STOP and START change the consent of the channel they came by (TwilioWebhooksService). */
  private async keyword(
    message: Inbound,
    kind: 'stop' | 'start',
    em: EntityManager,
  ): Promise<Handled> {
    await this.keywords.applyKeyword(message.phone, kind, message.channel, em);
    return { action: kind, message: null };
  }

  /**
   * A buddy's `1` / `2` / `3` about the call of the reminder. `3` always reaches the coordinator,
   * whatever the call's state. `1` / `2` follow the API's rules: an outcome is logged once, after
   * the call has started; before that (a buddy replying five minutes early) nothing is logged and
   * the answer says when to reply, rather than guessing how a call that has not begun went.
   */
  private async callReply(
    answer: Answer,
    context: ReplyContext,
    buddy: AccountView,
    now: Date,
    em: EntityManager,
  ): Promise<Handled> {
    if (buddy.role !== Role.Buddy) return { action: 'unknown', message: REPLY_TEXTS.help };
    const actor = actorOf(buddy);
    const call = await this.checkins.buddyCall(actor, idOf(context.about, 'checkin'), em);
    if (answer === 'call-coordinator') {
      await this.concerns.raiseCoordinatorRequest(
        { buddyId: buddy.id, volunteerId: call.volunteerId, checkinId: call.id },
        em,
      );
      return { action: 'call-coordinator', message: REPLY_TEXTS.callCoordinator };
    }
    if (call.status === 'cancelled') {
      return { action: 'call-cancelled', message: REPLY_TEXTS.callCancelled };
    }
    if (call.status !== 'scheduled') {
      const same = call.status === (answer === 'call-completed' ? 'completed' : 'missed');
      return {
        action: 'call-already-logged',
        message: REPLY_TEXTS.callAlreadyLogged(call.status, same),
      };
    }
    if (call.startsAt > now) {
      return {
        action: 'call-not-due',
        message: REPLY_TEXTS.callNotDue(call.startsAt, buddy.timezone),
      };
    }
    const completed = answer === 'call-completed';
    await this.checkins.recordOutcome(
      actor,
      call.id,
      { status: completed ? 'completed' : 'missed' },
      em,
    );
    return completed
      ? { action: 'call-completed', message: REPLY_TEXTS.callCompleted }
      : { action: 'call-missed', message: REPLY_TEXTS.callMissed };
  }

  /** A volunteer's `YES` / `NO` to a session text; `NO` tells the therapist by text. */
  private async sessionReply(
    answer: Answer,
    context: ReplyContext,
    volunteer: AccountView,
    em: EntityManager,
  ): Promise<Handled> {
    if (volunteer.role !== Role.Volunteer) return { action: 'unknown', message: REPLY_TEXTS.help };
    const sessionId = idOf(context.about, 'session');
    const attendance = answer === 'yes' ? 'confirmed' : 'cannot_attend';
    const result = await this.sessions.recordAttendance(
      actorOf(volunteer),
      sessionId,
      attendance,
      em,
    );
    if (!result.open) return { action: 'session-closed', message: REPLY_TEXTS.sessionClosed };
    if (attendance === 'confirmed') {
      return {
        action: 'session-confirmed',
        message: REPLY_TEXTS.sessionConfirmed(result.startsAt, volunteer.timezone),
      };
    }
    if (result.changed) {
      const notice = this.writer.notice(
        result.therapistId,
        T.SessionCannotAttend,
        `session:${sessionId}`,
        `cannot-attend:${this.clock.now().toISOString()}`,
        {
          sessionId,
          otherId: volunteer.id,
          startsAt: result.startsAt.toISOString(),
        },
      );
      await this.writer.write([notice], em);
    }
    const therapist = await this.identity.find(result.therapistId, em);
    const movable = result.startsAt > this.clock.now();
    return {
      action: 'session-cannot-attend',
      message: REPLY_TEXTS.sessionCannotAttend(
        firstName(therapist?.name),
        movable ? await this.rescheduleLinkFor(sessionId, volunteer.id) : null,
      ),
    };
  }
}

const actorOf = (a: AccountView): Actor => ({ id: a.id, role: a.role, timezone: a.timezone });

/** The id in a notification's `about` (`checkin:<id>`, `session:<id>`), written by our listeners. */
function idOf(about: string, kind: 'checkin' | 'session'): string {
  const [prefix, id] = about.split(':');
  if (prefix !== kind || !id) throw new Error(`Expected a ${kind} text, got ${prefix}`);
  return id;
}
