import { parseWhatsAppTemplates, validateEnv } from '../../config/env';

const HX = (c: string) => `HX${c.repeat(32)}`;
const twilio = {
  SMS_DRIVER: 'twilio',
  TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'x'.repeat(32),
  TWILIO_FROM: '+15005550006',
};

const problem = (raw: Record<string, string>) => {
  try {
    validateEnv(raw);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('WhatsApp configuration', () => {
  it('reads one Content SID per message type', () => {
    expect(
      parseWhatsAppTemplates(`session_reminder=${HX('a')}, session_confirmation=${HX('b')}`),
    ).toEqual(
      new Map([
        ['session_reminder', HX('a')],
        ['session_confirmation', HX('b')],
      ]),
    );
  });

  it.each([
    ['an unknown type', `session_remind=${HX('a')}`],
    ['a type twice', `session_reminder=${HX('a')},session_reminder=${HX('b')}`],
    ['a SID that is not HX + 32 hex', 'session_reminder=HX123'],
    ['a missing SID', 'session_reminder='],
  ])('refuses %s, naming the variable', (_, value) => {
    expect(problem({ TWILIO_WHATSAPP_TEMPLATES: value })).toMatch(/TWILIO_WHATSAPP_TEMPLATES/);
  });

  it('needs TWILIO_WHATSAPP_FROM when WhatsApp is enabled with Twilio, and not otherwise', () => {
    expect(problem({ ...twilio, WHATSAPP_ENABLED: 'true' })).toMatch(/TWILIO_WHATSAPP_FROM/);
    expect(
      problem({ ...twilio, WHATSAPP_ENABLED: 'true', TWILIO_WHATSAPP_FROM: '+15005550007' }),
    ).toBeNull();
    expect(problem({ ...twilio })).toBeNull();
    expect(problem({ WHATSAPP_ENABLED: 'true' })).toBeNull(); // the log driver needs no number
  });

  it('defaults texts to SMS; WhatsApp as the default needs WhatsApp enabled', () => {
    expect(validateEnv({}).TEXT_CHANNEL_DEFAULT).toBe('sms');
    expect(problem({ TEXT_CHANNEL_DEFAULT: 'whatsapp' })).toMatch(/WHATSAPP_ENABLED=true/);
    expect(problem({ TEXT_CHANNEL_DEFAULT: 'whatsapp', WHATSAPP_ENABLED: 'true' })).toBeNull();
    expect(problem({ TEXT_CHANNEL_DEFAULT: 'pigeon' })).toMatch(/TEXT_CHANNEL_DEFAULT/);
  });
});
