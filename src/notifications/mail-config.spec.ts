import { validateEnv } from '../../config/env';
import { classifySmtp } from './smtp-mail-sender';

const problem = (raw: Record<string, string>) => {
  try {
    validateEnv(raw);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('mail configuration', () => {
  it('records mail by default, and needs no server for it', () => {
    const env = validateEnv({});
    expect(env.MAIL_DRIVER).toBe('log');
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBe('Volunteer Wellbeing <no-reply@localhost>');
  });

  it('needs SMTP_URL when sending over SMTP, and says so', () => {
    expect(problem({ MAIL_DRIVER: 'smtp' })).toMatch(/SMTP_URL must be a URL/);
    expect(problem({ MAIL_DRIVER: 'smtp', SMTP_URL: 'http://mail.example.org' })).toMatch(
      /SMTP_URL/,
    );
    for (const url of [
      'smtp://127.0.0.1:1025',
      'smtp://user:p%40ss@mail.example.org:587?requireTLS=true',
      'smtps://mail.example.org:465',
    ]) {
      expect(problem({ MAIL_DRIVER: 'smtp', SMTP_URL: url })).toBeNull();
    }
  });

  it('refuses an unknown driver and a sender that is not an address', () => {
    expect(problem({ MAIL_DRIVER: 'sendgrid' })).toMatch(/MAIL_DRIVER/);
    expect(problem({ MAIL_FROM: 'Volunteer Wellbeing' })).toMatch(/MAIL_FROM must be an address/);
    expect(problem({ MAIL_FROM: 'hello@vws.example.org' })).toBeNull();
    expect(problem({ MAIL_FROM: 'Volunteer Wellbeing <hello@vws.example.org>' })).toBeNull();
  });
});

describe('SMTP failures', () => {
  it.each([
    [{ responseCode: 550, code: 'EENVELOPE' }, 'smtp-550', true],
    [{ responseCode: 552, code: 'EMESSAGE' }, 'smtp-552', true],
    [{ responseCode: 451, code: 'EENVELOPE' }, 'smtp-451', false],
    [{ responseCode: 421 }, 'smtp-421', false],
    // A refused login is our configuration, not the message: worth retrying once it is fixed.
    [{ responseCode: 535, code: 'EAUTH' }, 'smtp-535', false],
    [
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNECTION' }),
      'network-ECONNECTION',
      false,
    ],
    [new Error('boom'), 'network-Error', false],
  ])('%j is %s, permanent: %s', (error, code, permanent) => {
    expect(classifySmtp(error)).toMatchObject({ code, permanent });
  });
});
