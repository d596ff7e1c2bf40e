import { Role } from '../common/auth.decorators';
import { localTime, NotificationTemplate, RenderContext } from './notification-templates';

/**
 * Every mail the service sends: a registry keyed by message type, so another file can add its own
 * (`registerMailTemplates`, e.g. account mails). Mail is read on shared screens and in inbox
 * previews, so subjects never name health matters, as texts don't ("Your appointment").
 * Plain text plus simple inline-styled HTML: no remote images, no tracking, every value escaped.
 */

/** What a template gathers at send time: a text's context, and values other renderers add. */
export interface MailContext extends RenderContext {
  /** Values a renderer gathered for one template (a link with a token, a code). */
  extra?: Record<string, string>;
}

export interface MailContent {
  subject: string;
  /** Plain sentences, one paragraph each. */
  paragraphs: string[];
  /** The one thing to do: a button in HTML, its own line in the text. */
  action?: { label: string; url: string };
  /**
   * Values that must never be stored (a token in a link, a code): the row's `body` keeps the
   * text with each replaced by `[removed]`; only the mail itself carries them.
   */
  secrets?: string[];
}

export type MailTemplate = (context: MailContext) => MailContent;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  /** `text` with every secret replaced by `[removed]`: what the outbox row keeps. */
  storedText: string;
}

export const REMOVED = '[removed]';

const registry = new Map<NotificationTemplate, MailTemplate>();

/** Adds templates; a type registered twice is a programming error. */
export function registerMailTemplates(
  templates: Partial<Record<NotificationTemplate, MailTemplate>>,
): void {
  for (const [type, template] of Object.entries(templates) as Array<
    [NotificationTemplate, MailTemplate]
  >) {
    if (registry.has(type)) throw new Error(`Mail template ${type} is registered twice`);
    registry.set(type, template);
  }
}

export const hasMailTemplate = (template: NotificationTemplate) => registry.has(template);

export function renderMail(template: NotificationTemplate, context: MailContext): RenderedMail {
  const build = registry.get(template);
  if (!build) throw new Error(`No mail template for ${template}`);
  const content = build(context);
  const text = toText(content);
  const secrets = (content.secrets ?? []).filter((s) => s.length > 0);
  const storedText = secrets.reduce((t, secret) => t.split(secret).join(REMOVED), text);
  return { subject: content.subject, text, html: toHtml(content), storedText };
}

const SIGNATURE = 'Volunteer Wellbeing';

function toText(content: MailContent): string {
  const parts = [...content.paragraphs];
  if (content.action) parts.push(`${content.action.label}:\n${content.action.url}`);
  parts.push(SIGNATURE);
  return `${parts.join('\n\n')}\n`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c';

function toHtml(content: MailContent): string {
  const paragraphs = content.paragraphs
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`)
    .join('\n');
  const action = content.action
    ? `<p style="margin:0 0 16px"><a href="${escapeHtml(content.action.url)}" ` +
      `style="display:inline-block;padding:8px 12px;background:#00703c;color:#ffffff;` +
      `text-decoration:none;font-weight:bold">${escapeHtml(content.action.label)}</a></p>\n` +
      `<p style="margin:0 0 16px;font-size:14px">If the button does not work, copy this address ` +
      `into your browser: ${escapeHtml(content.action.url)}</p>\n`
    : '';
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(content.subject)}</title></head>\n` +
    `<body style="margin:0;padding:16px;${FONT}">\n` +
    `${paragraphs}\n${action}<p style="margin:0;color:#505a5f">${SIGNATURE}</p>\n</body></html>\n`
  );
}

const named = (p: RenderContext['other'], fallback: string) => p?.firstName ?? fallback;
const at = (c: RenderContext) => {
  if (!c.startsAt) throw new Error('Template needs startsAt');
  return localTime(c.startsAt, c.recipient.zone);
};
const was = (c: RenderContext) => {
  if (!c.previousStartsAt) throw new Error('Template needs previousStartsAt');
  return localTime(c.previousStartsAt, c.recipient.zone);
};
const seeIt = (c: RenderContext): Pick<MailContent, 'action'> =>
  c.link ? { action: { label: 'See or change it', url: c.link } } : {};
const need = (value: string | undefined, what: string) => {
  if (value === undefined) throw new Error(`Template needs ${what}`);
  return value;
};

/** Mails about sessions, calls and alerts: the same news as the texts, in a mail's shape. */
registerMailTemplates({
  [NotificationTemplate.SessionConfirmation]: (c) => ({
    subject: 'Your appointment is booked',
    paragraphs: [
      `Your wellbeing session with ${named(c.other, 'your volunteer partner')} is booked for ${at(c)}.`,
      'You will get a reminder before it starts.',
    ],
    ...seeIt(c),
  }),
  [NotificationTemplate.SessionReminder]: (c) => ({
    subject: 'Reminder: your appointment',
    paragraphs: [
      `This is a reminder of your wellbeing session with ${named(c.other, 'your volunteer partner')} on ${at(c)}.`,
      ...(c.join ? [`Join the video call: ${c.join}`] : []),
    ],
    ...seeIt(c),
  }),
  [NotificationTemplate.SessionRescheduled]: (c) => ({
    subject: 'Your appointment has moved',
    paragraphs: [
      `Your wellbeing session with ${named(c.other, 'your volunteer partner')} has moved to ${at(c)}.`,
      `It was on ${was(c)}.`,
    ],
    ...seeIt(c),
  }),
  [NotificationTemplate.SessionCancelled]: (c) => {
    const other = named(c.other, 'your volunteer partner');
    const first =
      c.cancelledBy === 'other'
        ? `${named(c.other, 'Your volunteer partner')} had to cancel your wellbeing session on ${at(c)}.`
        : c.cancelledBy === 'me'
          ? `You cancelled your wellbeing session with ${other} on ${at(c)}.`
          : `Your wellbeing session with ${other} on ${at(c)} is cancelled.`;
    const again =
      c.cancelledBy !== 'me' && c.recipient.role === Role.Volunteer
        ? ['You can sign in to choose another time.']
        : [];
    return { subject: 'Your appointment is cancelled', paragraphs: [first, ...again] };
  },
  [NotificationTemplate.SessionCannotAttend]: (c) => ({
    subject: 'Your appointment: the volunteer cannot make it',
    paragraphs: [
      `${named(c.other, 'Your volunteer partner')} can't make the wellbeing session on ${at(c)}.`,
      'They have been asked to choose another time; you will hear when they do.',
    ],
  }),
  [NotificationTemplate.CallReminderBuddy]: (c) => ({
    subject: 'Reminder: your check-in call',
    paragraphs: [
      `This is a reminder of your check-in call with ${named(c.other, 'your volunteer')} ` +
        `${c.channel === 'skype' ? 'on Skype' : 'by phone'} on ${at(c)}.`,
      'After the call, please record how it went.',
    ],
    ...seeIt(c),
  }),
  [NotificationTemplate.CallReminderVolunteer]: (c) => ({
    subject: 'Reminder: your check-in call',
    paragraphs: [
      `This is a reminder of your check-in call with ${named(c.other, 'your buddy')} ` +
        `${c.channel === 'skype' ? 'on Skype' : 'by phone'} on ${at(c)}.`,
    ],
    ...seeIt(c),
  }),
  [NotificationTemplate.CallMoved]: (c) => ({
    subject: 'Your check-in call has moved',
    paragraphs: [
      `Your check-in call with ${named(c.other, 'your partner')} has moved to ${at(c)}.`,
      `It was on ${was(c)}.`,
    ],
    ...seeIt(c),
  }),
  [NotificationTemplate.CallCancelled]: (c) => ({
    subject: 'A check-in call is called off',
    paragraphs: [
      `${named(c.other, 'Your partner')} has called off your check-in call on ${at(c)}.`,
      'The calls after it stay as planned.',
    ],
  }),
  [NotificationTemplate.PairingFlaggedAlert]: (c) => ({
    subject: 'A buddy pairing needs a look',
    paragraphs: [
      `A buddy pairing has missed two calls in a row (ref ${need(c.reference, 'reference')}).`,
      'Please look at the coordinator view.',
    ],
  }),
  [NotificationTemplate.UrgentConcernAlert]: (c) => ({
    subject: 'Urgent: a concern has been reported',
    paragraphs: [
      `An URGENT concern has been reported (ref ${need(c.reference, 'reference')}).`,
      'Please look at the coordinator view now. The concern itself is only shown there.',
    ],
  }),
  [NotificationTemplate.VettingExpiringWarning]: (c) => ({
    subject: 'Your vetting expires soon',
    paragraphs: [
      `Your vetting expires on ${need(c.expiresOn, 'expiresOn')}.`,
      'Please send your coordinator up-to-date documents so you can keep being matched.',
    ],
  }),
  [NotificationTemplate.VettingExpiringAlert]: (c) => ({
    subject: 'A supporter’s vetting expires soon',
    paragraphs: [
      `The vetting of a registered supporter expires on ${need(c.expiresOn, 'expiresOn')} ` +
        `(ref ${need(c.reference, 'reference')}).`,
    ],
  }),
});
