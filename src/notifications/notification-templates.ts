import { DateTime } from 'luxon';

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
  PairingFlaggedAlert = 'pairing_flagged_alert',
  UrgentConcernAlert = 'urgent_concern_alert',
  VettingExpiringWarning = 'vetting_expiring_warning',
  VettingExpiringAlert = 'vetting_expiring_alert',
}

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

const OPT_OUT = ' Reply STOP to stop texts.';

export function firstName(fullName: string | null | undefined): string | null {
  const first = fullName?.trim().split(/\s+/)[0];
  return first ? first : null;
}

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

const TEMPLATES: Record<NotificationTemplate, (c: RenderContext) => string> = {
  [NotificationTemplate.SessionConfirmation]: (c) =>
    `Your wellbeing session with ${named(c.other, 'your volunteer partner')} is booked for ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}.${OPT_OUT}`,
  [NotificationTemplate.SessionReminder]: (c) =>
    `Reminder: wellbeing session with ${named(c.other, 'your volunteer partner')} on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}.`,
  [NotificationTemplate.SessionRescheduled]: (c) =>
    `Your wellbeing session with ${named(c.other, 'your volunteer partner')} has moved to ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)} (was ` +
    `${localTime(need(c.previousStartsAt, 'previousStartsAt'), c.recipient.zone)}).`,
  [NotificationTemplate.SessionCancelled]: (c) =>
    `Your wellbeing session with ${named(c.other, 'your volunteer partner')} on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)} is cancelled.`,
  [NotificationTemplate.CallReminderBuddy]: (c) => {
    const at = need(c.startsAt, 'startsAt');
    const volunteer = named(c.other, 'your volunteer');
    const theirs = c.other
      ? `; ${weekdayClock(at, c.other.zone)} for ${volunteer} (${city(c.other.zone)})`
      : '';
    return (
      `Reminder: check-in call with ${volunteer} ${by(c.channel)} on ` +
      `${localTime(at, c.recipient.zone)}${theirs}.`
    );
  },
  [NotificationTemplate.CallReminderVolunteer]: (c) =>
    `Reminder: check-in call with ${named(c.other, 'your buddy')} ${by(c.channel)} on ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)}.`,
  [NotificationTemplate.CallMoved]: (c) =>
    `Your check-in call with ${named(c.other, 'your partner')} has moved to ` +
    `${localTime(need(c.startsAt, 'startsAt'), c.recipient.zone)} (was ` +
    `${localTime(need(c.previousStartsAt, 'previousStartsAt'), c.recipient.zone)}).`,
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
};

export function renderSms(template: NotificationTemplate, context: RenderContext): string {
  return TEMPLATES[template](context);
}

/** The reply to HELP. */
export const HELP_TEXT =
  'Volunteer Wellbeing reminders. Reply STOP to stop texts, START to have them again. ' +
  'For anything else, please contact your coordinator.';

/**
 * The values each WhatsApp template (a Twilio Content template, approved by Meta) needs for its
 * numbered placeholders `{{1}}`, `{{2}}`, ... Business-initiated WhatsApp messages must use an
 * approved template; its approved words say the same as the SMS text above, with these values in.
 * The README lists, per message type, what each placeholder holds.
 */
const WHATSAPP_VARIABLES: Record<NotificationTemplate, (c: RenderContext) => string[]> = {
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
  [NotificationTemplate.PairingFlaggedAlert]: (c) => [need(c.reference, 'reference')],
  [NotificationTemplate.UrgentConcernAlert]: (c) => [need(c.reference, 'reference')],
  [NotificationTemplate.VettingExpiringWarning]: (c) => [need(c.expiresOn, 'expiresOn')],
  [NotificationTemplate.VettingExpiringAlert]: (c) => [
    need(c.expiresOn, 'expiresOn'),
    need(c.reference, 'reference'),
  ],
};

/** A WhatsApp template's ContentVariables: `{"1": ..., "2": ...}`. */
export function whatsappVariables(
  template: NotificationTemplate,
  context: RenderContext,
): Record<string, string> {
  return Object.fromEntries(WHATSAPP_VARIABLES[template](context).map((v, i) => [`${i + 1}`, v]));
}
