import { Role } from '../common/auth.decorators';
import {
  escapeHtml,
  hasMailTemplate,
  MailContext,
  registerMailTemplates,
  REMOVED,
  renderMail,
} from './mail-templates';
import { FORBIDDEN_WORDS, NotificationTemplate } from './notification-templates';

const context: MailContext = {
  recipient: { firstName: 'Sam', zone: 'Europe/London', role: Role.Volunteer },
  other: { firstName: '<i>Amira</i>', zone: 'Europe/Athens', role: Role.Therapist },
  startsAt: new Date('2030-03-05T14:00:00Z'),
  previousStartsAt: new Date('2030-03-04T14:00:00Z'),
  channel: 'phone',
  reference: 'ab12cd34',
  expiresOn: '2030-04-01',
  link: 'https://vws.example.org/l/abc?x=1&y="2"',
  cancelledBy: 'other',
};

describe('mail templates', () => {
  // Every session, call and alert message has a mail here; other files add their own.
  const all = Object.values(NotificationTemplate).filter(hasMailTemplate);

  it('has a mail for every message about sessions, calls and alerts', () => {
    expect(all.length).toBeGreaterThanOrEqual(13);
  });

  it.each(all)('%s has a mail whose subject names no health matter', (template) => {
    const mail = renderMail(template, context);
    const subject = mail.subject.toLowerCase();
    expect(FORBIDDEN_WORDS.filter((w) => subject.includes(w))).toEqual([]);
    expect(mail.text.trim().length).toBeGreaterThan(0);
  });

  it.each(all)('%s escapes every value in its HTML and loads nothing remote', (template) => {
    const { html } = renderMail(template, context);
    expect(html).not.toContain('<i>Amira</i>');
    expect(html).not.toMatch(/<img|<script|<link|src=|url\(/i);
    // The only address in the HTML is the person's own link, escaped.
    for (const href of html.match(/href="[^"]*"/g) ?? []) {
      expect(href).toBe(`href="${escapeHtml(context.link!)}"`);
    }
  });

  it('says the time in the reader own zone, in text and HTML alike', () => {
    const mail = renderMail(NotificationTemplate.SessionConfirmation, context);
    expect(mail.subject).toBe('Your appointment is booked');
    expect(mail.text).toContain('Tue 5 Mar, 14:00 (London time)');
    expect(mail.html).toContain('Tue 5 Mar, 14:00 (London time)');
    expect(mail.text).toContain(`See or change it:\n${context.link}`);
  });

  it('stores the text without the secrets a template marks', () => {
    const type = 'test_secret_mail' as NotificationTemplate;
    registerMailTemplates({
      [type]: (c: MailContext) => ({
        subject: 'Confirm your email address',
        paragraphs: [`Your code is ${c.extra?.code}.`],
        action: { label: 'Confirm', url: `https://vws.example.org/confirm#${c.extra?.token}` },
        secrets: [c.extra!.code, c.extra!.token],
      }),
    });
    const mail = renderMail(type, { ...context, extra: { code: '123456', token: 'tok-secret' } });
    expect(mail.text).toContain('123456');
    expect(mail.text).toContain('tok-secret');
    expect(mail.storedText).not.toMatch(/123456|tok-secret/);
    expect(mail.storedText).toContain(`Your code is ${REMOVED}.`);
    expect(mail.storedText).toContain(`https://vws.example.org/confirm#${REMOVED}`);
    expect(() =>
      registerMailTemplates({ [type]: () => ({ subject: 'x', paragraphs: [] }) }),
    ).toThrow(/registered twice/);
  });

  it('refuses a message type that has no mail', () => {
    expect(() => renderMail('no_such_mail' as NotificationTemplate, context)).toThrow(
      /No mail template/,
    );
  });
});
