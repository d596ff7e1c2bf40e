import { DateTime } from 'luxon';
import { Role } from '../common/auth.decorators';

/**
 * Every text the service sends, in one place. Texts land on lock screens and shared phones, so
 * they never name health matters (no "therapy", "counselling", "trauma", ...): a session is a
 * "wellbeing session", a buddy call a "check-in call". Times are in the reader's own zone.
 */
export enum NotificationTemplate {
  SessionConfirmation = 'session_confirmation',
  SessionReminder = 'session_reminder',
  SessionRescheduled = 'session_rescheduled',
  SessionCancelled = 'session_cancelled',
  CallReminderBuddy = 'call_reminder_buddy',
  CallReminderVolunteer = 'call_reminder_volunteer',
  CallMoved = 'call_moved',
  /** To the other person: one call was called off; the plan's other calls stay. */
  CallCancelled = 'call_cancelled',
  /** To the therapist: the volunteer replied NO to a session text. */
  SessionCannotAttend = 'session_cannot_attend',
  PairingFlaggedAlert = 'pairing_flagged_alert',
  UrgentConcernAlert = 'urgent_concern_alert',
  VettingExpiringWarning = 'vetting_expiring_warning',
  VettingExpiringAlert = 'vetting_expiring_alert',
  /** Account mails (account-mail-templates.ts), by email only: a link to confirm an address. */
  AccountConfirmEmail = 'account_confirm_email',
  /** To a confirmed address someone tried to sign up with. */
  AccountExists = 'account_exists',
  PasswordReset = 'password_reset',
  PasswordChanged = 'password_changed',
  /** To the new address: a link to confirm it. */
  EmailChangeConfirm = 'email_change_confirm',
  /** To the address in use: a change was asked for. */
  EmailChangeNotice = 'email_change_notice',
  /** The code that proves a number: the one text that goes to a number not yet confirmed. */
  PhoneCode = 'phone_code',
}

/** Templates that only ever go by email: they have no text and no WhatsApp template. */
export const MAIL_ONLY_TEMPLATES = [
  NotificationTemplate.AccountConfirmEmail,
  NotificationTemplate.AccountExists,
  NotificationTemplate.PasswordReset,
  NotificationTemplate.PasswordChanged,
  NotificationTemplate.EmailChangeConfirm,
  NotificationTemplate.EmailChangeNotice,
] as const;
export type TextTemplate = Exclude<NotificationTemplate, (typeof MAIL_ONLY_TEMPLATES)[number]>;
export const isTextTemplate = (template: NotificationTemplate): template is TextTemplate =>
  !(MAIL_ONLY_TEMPLATES as readonly NotificationTemplate[]).includes(template);

/** Templates that remind of an event: never sent once the event has begun. */
export const REMINDER_TEMPLATES: ReadonlySet<NotificationTemplate> = new Set([
  NotificationTemplate.SessionReminder,
  NotificationTemplate.CallReminderBuddy,
  NotificationTemplate.CallReminderVolunteer,
]);

/** A person as a text may name them: first name only, in their own zone. */
export interface Person {
  firstName: string | null;
  zone: string;
  /** Decides which replies a text offers (a session's volunteer may answer YES / NO). */
  role?: Role;
}

/** What a template needs, gathered at send time from current data. */
export interface RenderContext {
  recipient: Person;
  /** The other person of a session or call (therapist, volunteer, buddy), if any. */
  other: Person | null;
  startsAt?: Date;
  previousStartsAt?: Date;
  channel?: 'phone' | 'skype';
  /** Short reference for coordinators (first 8 characters of an id). */
  reference?: string;
  /** YYYY-MM-DD. */
  expiresOn?: string;
  /** A signed link to the session or call for this recipient, if it can still be changed. */
  link?: string;
  /** The last session reminder's video link, when it is clean of every forbidden word. */
  join?: string;
  /** A cancellation: who cancelled, from the recipient's side (absent: the service did). */
  cancelledBy?: 'me' | 'other';
  /** The 6 digits that prove a number, drawn at send time; never stored with the text. */
  code?: string;
}

/** Words that must never appear in a text (matched case-insensitively, as word stems). */
export const FORBIDDEN_WORDS = [
  'therap',
  'counsel',
  'trauma',
  'mental',
  'psych',
  'ptsd',
  'depress',
  'anxi',
  'health',
  'clinic',
  'diagnos',
  'suicid',
  'self-harm',
  'crisis',
  'abuse',
];

/** Whether `text` may go into a text: none of the forbidden words, in any case. */
export const isCleanForText = (text: string) => {
  const lower = text.toLowerCase();
  return !FORBIDDEN_WORDS.some((word) => lower.includes(word));
};

const OPT_OUT = ' Reply STOP to stop texts.';

/** What a recipient may reply (src/notifications/replies.ts acts on it). */
export const ATTENDANCE_REPLIES = " Reply YES to confirm or NO if you can't make it.";
export const CALL_REPLIES =
  ' After the call, reply 1 if it happened, 2 if missed, or 3 to ask the coordinator to get in touch.';

/** Only the volunteer answers a session text; the therapist's copy offers no reply. */
const attendance = (c: RenderContext) =>
  c.recipient.role === Role.Volunteer ? ATTENDANCE_REPLIES : '';

const city = (zone: string) => zone.split('/').pop()?.replace(/_/g, ' ') ?? zone;

/** "Tue 3 Mar, 14:00 (London time)" in the given zone. */
export function localTime(at: Date, zone: string): string {
  return `${DateTime.fromJSDate(at, { zone }).toFormat('ccc d LLL, HH:mm')} (${city(zone)} time)`;
}

/** "Tue 16:00" in the given zone. */
const weekdayClock = (at: Date, zone: string) =>
  DateTime.fromJSDate(at, { zone }).toFormat('ccc HH:mm');

const named = (p: Person | null, fallback: string) => p?.firstName ?? fallback;
const by = (channel: RenderContext['channel']) => (channel === 'skype' ? 'on Skype' : 'by phone');

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Template needs ${what}`);
  return value;
}

const TEMPLATES: Record<TextTemplate, (c: RenderContext) => string> = {
  [NotificationTemplate.SessionConfirmation]: (c) =>
    `Your wellbeing session with ${named(c.other, 'your volunteer partner')} is booked for ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}.${attendance(c)}${OPT_OUT}`,
  [NotificationTemplate.SessionReminder]: (c) =>
    `Reminder: wellbeing session with ${named(c.other, 'your volunteer partner')} on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}.` +
    `${c.join ? ` Join the video call: ${c.join}` : ''}${attendance(c)}`,
  [NotificationTemplate.SessionRescheduled]: (c) =>
    `Your wellbeing session with ${named(c.other, 'your volunteer partner')} has moved to ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)} (was ` +
    `${localTime(need(c.previousStartsAt, 'previousStartsAt'), c.recipient.zone)}).`,
  [NotificationTemplate.SessionCancelled]: (c) => {
    const on = localTime(need(c.startsAt, 'startsAt'), c.recipient.zone);
    const other = named(c.other, 'your volunteer partner');
    if (c.cancelledBy === 'other') {
      // The volunteer's session comes back to them: say where to choose again.
      const again =
        c.recipient.role === Role.Volunteer ? ' You can sign in to choose another time.' : '';
      return `${named(c.other, 'Your volunteer partner')} had to cancel your wellbeing session on ${on}.${again}`;
    }
    if (c.cancelledBy === 'me')
      return `You cancelled your wellbeing session with ${other} on ${on}.`;
    return `Your wellbeing session with ${other} on ${on} is cancelled.`;
  },
  [NotificationTemplate.CallReminderBuddy]: (c) => {
    const at = need(c.startsAt, 'startsAt');
    const volunteer = named(c.other, 'your volunteer');
    const theirs = c.other
      ? `; ${weekdayClock(at, c.other.zone)} for ${volunteer} (${city(c.other.zone)})`
      : '';
    return (
      `Reminder: check-in call with ${volunteer} ${by(c.channel)} on ` +
      `${localTime(at, c.recipient.zone)}${theirs}.${CALL_REPLIES}`
    );
  },
  [NotificationTemplate.CallReminderVolunteer]: (c) =>
    `Reminder: check-in call with ${named(c.other, 'your buddy')} ${by(c.channel)} on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}.`,
  [NotificationTemplate.CallMoved]: (c) =>
    `Your check-in call with ${named(c.other, 'your partner')} has moved to ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)} (was ` +
    `${localTime(need(c.previousStartsAt, 'previousStartsAt'), c.recipient.zone)}).`,
  [NotificationTemplate.CallCancelled]: (c) =>
    `${named(c.other, 'Your partner')} has called off your check-in call on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}. The calls after it stay as planned.`,
  [NotificationTemplate.SessionCannotAttend]: (c) =>
    `${named(c.other, 'Your volunteer partner')} can't make the wellbeing session on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)} and has been asked to choose ` +
    `another time.`,
  [NotificationTemplate.PairingFlaggedAlert]: (c) =>
    `Volunteer Wellbeing: a buddy pairing has missed two calls in a row ` +
    `(ref ${need(c.reference, 'reference')}). Please look at the coordinator view.`,
  [NotificationTemplate.UrgentConcernAlert]: (c) =>
    `Volunteer Wellbeing: an URGENT concern has been reported ` +
    `(ref ${need(c.reference, 'reference')}). Please look at the coordinator view now.`,
  [NotificationTemplate.VettingExpiringWarning]: (c) =>
    `Volunteer Wellbeing: your vetting expires on ${need(c.expiresOn, 'expiresOn')}. ` +
    `Please send your coordinator up-to-date documents so you can keep being matched.`,
  [NotificationTemplate.VettingExpiringAlert]: (c) =>
    `Volunteer Wellbeing: vetting of a registered supporter expires on ` +
    `${need(c.expiresOn, 'expiresOn')} (ref ${need(c.reference, 'reference')}).`,
  [NotificationTemplate.PhoneCode]: (c) =>
    `Volunteer Wellbeing: your code is ${need(c.code, 'code')}. It works for 10 minutes. ` +
    `If you did not ask for it, you can ignore this text.`,
};

export function renderSms(template: NotificationTemplate, context: RenderContext): string {
  if (!isTextTemplate(template)) throw new Error(`${template} goes by email only`);
  const text = TEMPLATES[template](context);
  return context.link ? `${text} See or change it: ${context.link}` : text;
}

/** The reply to HELP, and to any reply we cannot act on. */
export const HELP_TEXT =
  'Volunteer Wellbeing reminders. Reply STOP to stop texts, START to have them again. ' +
  'To answer a reminder, reply as it says (YES or NO, or 1, 2 or 3). ' +
  'For anything else, please contact your coordinator.';

/**
 * The values each WhatsApp template (a Twilio Content template, approved by Meta) needs for its
 * numbered placeholders `{{1}}`, `{{2}}`, ... Business-initiated WhatsApp messages must use an
 * approved template; its approved words say the same as the SMS text above, with these values in.
 * The README lists, per message type, what each placeholder holds.
 */
const WHATSAPP_VARIABLES: Record<TextTemplate, (c: RenderContext) => string[]> = {
  [NotificationTemplate.SessionConfirmation]: (c) => [
    named(c.other, 'your volunteer partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.SessionReminder]: (c) => [
    named(c.other, 'your volunteer partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.SessionRescheduled]: (c) => [
    named(c.other, 'your volunteer partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
    localTime(need(c.previousStartsAt, 'previousStartsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.SessionCancelled]: (c) => [
    named(c.other, 'your volunteer partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.CallReminderBuddy]: (c) => [
    named(c.other, 'your volunteer'),
    by(c.channel),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.CallReminderVolunteer]: (c) => [
    named(c.other, 'your buddy'),
    by(c.channel),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.CallMoved]: (c) => [
    named(c.other, 'your partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
    localTime(need(c.previousStartsAt, 'previousStartsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.CallCancelled]: (c) => [
    named(c.other, 'Your partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.SessionCannotAttend]: (c) => [
    named(c.other, 'Your volunteer partner'),
    localTime(need(c.startsAt, 'startsAt'), c.recipient.zone),
  ],
  [NotificationTemplate.PairingFlaggedAlert]: (c) => [need(c.reference, 'reference')],
  [NotificationTemplate.UrgentConcernAlert]: (c) => [need(c.reference, 'reference')],
  [NotificationTemplate.VettingExpiringWarning]: (c) => [need(c.expiresOn, 'expiresOn')],
  [NotificationTemplate.VettingExpiringAlert]: (c) => [
    need(c.expiresOn, 'expiresOn'),
    need(c.reference, 'reference'),
  ],
  [NotificationTemplate.PhoneCode]: (c) => [need(c.code, 'code')],
};

/**
 * A WhatsApp template's ContentVariables: `{"1": ..., "2": ...}`, and the signed link as the
 * last one when the text carries one (the templates of texts about a session or call end with it).
 */
export function whatsappVariables(
  template: NotificationTemplate,
  context: RenderContext,
): Record<string, string> {
  if (!isTextTemplate(template)) throw new Error(`${template} goes by email only`);
  const values = WHATSAPP_VARIABLES[template](context);
  if (context.link) values.push(context.link);
  return Object.fromEntries(values.map((v, i) => [`${i + 1}`, v]));
}
