import { isE164 } from '../common/validators';
import { HELP_TEXT, localTime, NotificationTemplate } from './notification-templates';

/**
 * Replies by text, as pure functions: what a message says (`parseReply`), who sent it on which
 * channel (`parseSender`), and the short texts we answer with. RepliesService acts on them.
 * Like every text, the answers never name health matters (FORBIDDEN_WORDS; replies.spec.ts).
 */

/** Twilio's standard opt-out and opt-in keywords (the whole message, any case). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
/** `YES` is a Twilio opt-in word too: it is `yes` here, and means START only when opted out. */
const START_WORDS = new Set(['START', 'UNSTOP']);
const HELP_WORDS = new Set(['HELP', 'INFO']);
const ANSWERS: Record<string, Answer> = {
  '1': 'call-completed',
  '2': 'call-missed',
  '3': 'call-coordinator',
  YES: 'yes',
  NO: 'no',
};

export type Keyword = 'stop' | 'start' | 'help';
/** An answer to one of our texts: to a buddy's call reminder (1, 2, 3) or a session text (YES, NO). */
export type Answer = 'call-completed' | 'call-missed' | 'call-coordinator' | 'yes' | 'no';
export type ParsedReply = Keyword | Answer | 'other';

/**
 * The whole message, trimmed, any case, without trailing full stops or exclamation marks
 * ("Yes!", " 2. "); anything longer is `other`: a sentence is for a person, not for us to guess.
 */
export function parseReply(body: string | undefined): ParsedReply {
  const word = (body ?? '')
    .trim()
    .replace(/[.!\s]+$/u, '')
    .toUpperCase();
  if (STOP_WORDS.has(word)) return 'stop';
  if (START_WORDS.has(word)) return 'start';
  if (HELP_WORDS.has(word)) return 'help';
  return ANSWERS[word] ?? 'other';
}

export interface Sender {
  channel: 'sms' | 'whatsapp';
  /** E.164, without the `whatsapp:` prefix. */
  phone: string;
}

/** Twilio's `From`: `+E164` for SMS, `whatsapp:+E164` for WhatsApp; null for anything else. */
export function parseSender(from: unknown): Sender | null {
  if (typeof from !== 'string') return null;
  const whatsapp = from.startsWith('whatsapp:');
  const phone = whatsapp ? from.slice('whatsapp:'.length) : from;
  return isE164(phone) ? { channel: whatsapp ? 'whatsapp' : 'sms', phone } : null;
}

/** Texts whose recipient may answer them, and the answers each takes. */
export const REPLYABLE: Partial<Record<NotificationTemplate, readonly Answer[]>> = {
  [NotificationTemplate.CallReminderBuddy]: ['call-completed', 'call-missed', 'call-coordinator'],
  [NotificationTemplate.SessionReminder]: ['yes', 'no'],
  [NotificationTemplate.SessionConfirmation]: ['yes', 'no'],
};
export const REPLYABLE_TEMPLATES = Object.keys(REPLYABLE) as NotificationTemplate[];

/** What an inbound message did, as `inbound_message.action` records it. */
export type ReplyAction =
  | Keyword
  | 'call-completed'
  | 'call-missed'
  | 'call-coordinator'
  | 'call-not-due'
  | 'call-already-logged'
  | 'call-cancelled'
  | 'session-confirmed'
  | 'session-cannot-attend'
  | 'session-closed'
  | 'no-context'
  | 'unknown';

const at = (when: Date, zone: string) => localTime(when, zone);

/** The short texts sent back (as TwiML) to a reply. */
export const REPLY_TEXTS = {
  help: HELP_TEXT,
  callCompleted: 'Thank you. The call is logged as done.',
  callMissed: 'Thank you. The call is logged as missed.',
  callCoordinator:
    'Thank you. We have asked the coordinator to get in touch with you. ' +
    'If someone is in danger right now, call 999 (112 outside the UK).',
  callNotDue: (startsAt: Date, zone: string) =>
    `Thanks. Your call on ${at(startsAt, zone)} has not started yet, so nothing is logged. ` +
    `Please reply 1 or 2 again once it has.`,
  callAlreadyLogged: (status: string, same: boolean) =>
    `That call is already logged as ${status === 'completed' ? 'done' : 'missed'}. ` +
    (same ? 'Thank you.' : 'To change it, please contact your coordinator.'),
  callCancelled: 'That call was cancelled, so there is nothing to log.',
  sessionConfirmed: (startsAt: Date, zone: string) =>
    `Thank you. Your wellbeing session on ${at(startsAt, zone)} is confirmed.`,
  sessionCannotAttend: (other: string | null, rescheduleUrl: string | null) =>
    `Thanks for letting us know. We have told ${other ?? 'your volunteer partner'} you ` +
    `can't make it.` +
    (rescheduleUrl ? ` To choose another time, go to ${rescheduleUrl}` : ''),
  sessionClosed:
    'That session is no longer booked, so nothing has changed. ' +
    'For anything else, please contact your coordinator.',
} as const;
