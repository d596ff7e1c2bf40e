import { FORBIDDEN_WORDS } from './notification-templates';
import { parseReply, parseSender, REPLY_TEXTS } from './replies';

describe('replies by text', () => {
  it.each([
    ['1', 'call-completed'],
    [' 2 ', 'call-missed'],
    ['3.', 'call-coordinator'],
    ['yes', 'yes'],
    ['Yes!', 'yes'],
    ['NO', 'no'],
    ['no.', 'no'],
    ['STOP', 'stop'],
    [' stop ', 'stop'],
    ['Unsubscribe', 'stop'],
    ['cancel', 'stop'],
    ['START', 'start'],
    ['unstop', 'start'],
    ['help', 'help'],
    ['INFO', 'help'],
  ])('reads %j as %s', (body, parsed) => {
    expect(parseReply(body)).toBe(parsed);
  });

  it.each(['', '12', '1 2', 'yes please', 'nope', '4', '0', 'ok', 'Y', '１', undefined])(
    'does not guess at %j',
    (body) => {
      expect(parseReply(body)).toBe('other');
    },
  );

  it('reads SMS and WhatsApp senders, and nothing else', () => {
    expect(parseSender('+447911123456')).toEqual({ channel: 'sms', phone: '+447911123456' });
    expect(parseSender('whatsapp:+306912345678')).toEqual({
      channel: 'whatsapp',
      phone: '+306912345678',
    });
    for (const bad of ['447911123456', 'whatsapp:447911123456', 'messenger:+447911123456', '', 7]) {
      expect(parseSender(bad)).toBeNull();
    }
  });

  it('answers without a health word', () => {
    const at = new Date('2026-03-03T14:00:00Z');
    const texts = [
      REPLY_TEXTS.help,
      REPLY_TEXTS.callCompleted,
      REPLY_TEXTS.callMissed,
      REPLY_TEXTS.callCoordinator,
      REPLY_TEXTS.callNotDue(at, 'Europe/London'),
      REPLY_TEXTS.callAlreadyLogged('completed', false),
      REPLY_TEXTS.callAlreadyLogged('missed', true),
      REPLY_TEXTS.callCancelled,
      REPLY_TEXTS.sessionConfirmed(at, 'Europe/Athens'),
      REPLY_TEXTS.sessionCannotAttend('Sam', 'https://vws.example.org/volunteer/sessions/x'),
      REPLY_TEXTS.sessionCannotAttend(null, null),
      REPLY_TEXTS.sessionClosed,
    ];
    for (const text of texts) {
      expect(FORBIDDEN_WORDS.filter((w) => text.toLowerCase().includes(w))).toEqual([]);
    }
    expect(REPLY_TEXTS.callNotDue(at, 'Europe/London')).toBe(
      'Thanks. Your call on Tue 3 Mar, 14:00 (London time) has not started yet, so nothing is ' +
        'logged. Please reply 1 or 2 again once it has.',
    );
  });
});
