import {
  FORBIDDEN_WORDS,
  isTextTemplate,
  NotificationTemplate,
  RenderContext,
  renderSms,
  whatsappVariables,
} from './notification-templates';

const context: RenderContext = {
  recipient: { firstName: 'Amira', zone: 'Europe/Athens' },
  other: { firstName: 'Sam', zone: 'Europe/London' },
  startsAt: new Date('2026-03-03T14:00:00Z'),
  previousStartsAt: new Date('2026-03-02T09:30:00Z'),
  channel: 'skype',
  reference: '1a2b3c4d',
  expiresOn: '2026-04-01',
  code: '042137',
};

describe('WhatsApp template variables', () => {
  it.each(Object.values(NotificationTemplate).filter(isTextTemplate))(
    '%s: numbered from 1, each value also in the SMS text, no health words',
    (template) => {
      const variables = whatsappVariables(template, context);
      const keys = Object.keys(variables);
      expect(keys).toEqual(keys.map((_, i) => String(i + 1)));
      expect(keys.length).toBeGreaterThan(0);
      const sms = renderSms(template, context);
      for (const value of Object.values(variables)) {
        expect(sms).toContain(value);
        expect(FORBIDDEN_WORDS.filter((w) => value.toLowerCase().includes(w))).toEqual([]);
      }
    },
  );

  it('gives a moved session its new and previous local times', () => {
    expect(whatsappVariables(NotificationTemplate.SessionRescheduled, context)).toEqual({
      '1': 'Sam',
      '2': 'Tue 3 Mar, 16:00 (Athens time)',
      '3': 'Mon 2 Mar, 11:30 (Athens time)',
    });
  });
});
