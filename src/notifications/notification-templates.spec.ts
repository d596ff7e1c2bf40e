import { Role } from '../common/auth.decorators';
import {
  FORBIDDEN_WORDS,
  isCleanForText,
  isTextTemplate,
  NotificationTemplate,
  RenderContext,
  renderSms,
} from './notification-templates';

const TEMPLATES = Object.values(NotificationTemplate).filter(isTextTemplate);
const startsAt = new Date('2026-03-03T14:00:00Z');
const previousStartsAt = new Date('2026-03-02T09:30:00Z');

const contexts: RenderContext[] = [
  {
    recipient: { firstName: 'Amira', zone: 'Europe/London', role: Role.Volunteer },
    other: { firstName: 'Sam', zone: 'Europe/Athens' },
    startsAt,
    previousStartsAt,
    channel: 'phone',
    reference: '1a2b3c4d',
    expiresOn: '2026-04-01',
    code: '042137',
  },
  {
    recipient: { firstName: null, zone: 'America/New_York' },
    other: null,
    startsAt,
    previousStartsAt,
    channel: 'skype',
    reference: 'ffffffff',
    expiresOn: '2026-12-31',
    code: '999999',
  },
  {
    recipient: { firstName: 'Amira', zone: 'Europe/London', role: Role.Volunteer },
    other: { firstName: 'Helen', zone: 'Europe/London' },
    startsAt,
    previousStartsAt,
    reference: '1a2b3c4d',
    expiresOn: '2026-04-01',
    join: 'https://meet.jit.si/0123456789abcdef0123456789abcdef',
    cancelledBy: 'other',
    code: '000000',
  },
];

describe('SMS templates', () => {
  it.each(TEMPLATES)('%s never contains a health word', (template) => {
    for (const context of contexts) {
      const text = renderSms(template, context).toLowerCase();
      expect(text.length).toBeGreaterThan(20);
      expect(FORBIDDEN_WORDS.filter((word) => text.includes(word))).toEqual([]);
    }
  });

  it('names the volunteer, the channel and the time in both zones in a buddy call reminder', () => {
    const text = renderSms(NotificationTemplate.CallReminderBuddy, contexts[0]);
    expect(text).toBe(
      'Reminder: check-in call with Sam by phone on Tue 3 Mar, 14:00 (London time); ' +
        'Tue 16:00 for Sam (Athens). After the call, reply 1 if it happened, 2 if missed, ' +
        'or 3 to ask the coordinator to get in touch.',
    );
    expect(renderSms(NotificationTemplate.CallReminderBuddy, contexts[1])).toBe(
      'Reminder: check-in call with your volunteer on Skype on Tue 3 Mar, 09:00 (New York time). ' +
        'After the call, reply 1 if it happened, 2 if missed, or 3 to ask the coordinator to get ' +
        'in touch.',
    );
  });

  it('gives the time in the reader zone', () => {
    const text = renderSms(NotificationTemplate.SessionReminder, {
      ...contexts[0],
      recipient: { firstName: 'Sam', zone: 'Asia/Kolkata', role: Role.Therapist },
    });
    expect(text).toBe('Reminder: wellbeing session with Sam on Tue 3 Mar, 19:30 (Kolkata time).');
  });

  it('asks the volunteer, and only the volunteer, to answer a session text', () => {
    const volunteer = contexts[0];
    const therapist = {
      ...contexts[0],
      recipient: { firstName: 'Sam', zone: 'Europe/London', role: Role.Therapist },
    };
    expect(renderSms(NotificationTemplate.SessionReminder, volunteer)).toBe(
      'Reminder: wellbeing session with Sam on Tue 3 Mar, 14:00 (London time). ' +
        "Reply YES to confirm or NO if you can't make it.",
    );
    expect(renderSms(NotificationTemplate.SessionConfirmation, volunteer)).toBe(
      'Your wellbeing session with Sam is booked for Tue 3 Mar, 14:00 (London time). ' +
        "Reply YES to confirm or NO if you can't make it. Reply STOP to stop texts.",
    );
    for (const template of [
      NotificationTemplate.SessionReminder,
      NotificationTemplate.SessionConfirmation,
    ]) {
      expect(renderSms(template, therapist)).not.toMatch(/YES|NO\b/);
    }
    expect(renderSms(NotificationTemplate.SessionCannotAttend, therapist)).toBe(
      "Sam can't make the wellbeing session on Tue 3 Mar, 14:00 (London time) and has been " +
        'asked to choose another time.',
    );
  });

  it('says what moved and from when', () => {
    expect(renderSms(NotificationTemplate.SessionRescheduled, contexts[0])).toBe(
      'Your wellbeing session with Sam has moved to Tue 3 Mar, 14:00 (London time) ' +
        '(was Mon 2 Mar, 09:30 (London time)).',
    );
  });

  it('refuses to render without what the template needs', () => {
    expect(() =>
      renderSms(NotificationTemplate.SessionReminder, { ...contexts[0], startsAt: undefined }),
    ).toThrow(/startsAt/);
  });

  it('the forbidden list catches the words it is meant to', () => {
    const sample = 'Your THERAPY session; counselling; Trauma; mental health';
    const found = FORBIDDEN_WORDS.filter((w) => sample.toLowerCase().includes(w));
    expect(found).toEqual(['therap', 'counsel', 'trauma', 'mental', 'health']);
  });

  it('puts the video link in a session reminder that has one', () => {
    expect(renderSms(NotificationTemplate.SessionReminder, contexts[2])).toBe(
      'Reminder: wellbeing session with Helen on Tue 3 Mar, 14:00 (London time). Join the video ' +
        'call: https://meet.jit.si/0123456789abcdef0123456789abcdef ' +
        "Reply YES to confirm or NO if you can't make it.",
    );
  });

  it('says who cancelled, and tells the volunteer they can choose again', () => {
    const volunteer = contexts[2];
    const therapist = {
      ...contexts[2],
      recipient: { firstName: 'Helen', zone: 'Europe/London', role: Role.Therapist },
      other: { firstName: 'Amira', zone: 'Europe/London' },
    };
    expect(renderSms(NotificationTemplate.SessionCancelled, volunteer)).toBe(
      'Helen had to cancel your wellbeing session on Tue 3 Mar, 14:00 (London time). ' +
        'You can sign in to choose another time.',
    );
    expect(
      renderSms(NotificationTemplate.SessionCancelled, { ...therapist, cancelledBy: 'me' }),
    ).toBe('You cancelled your wellbeing session with Amira on Tue 3 Mar, 14:00 (London time).');
    expect(
      renderSms(NotificationTemplate.SessionCancelled, { ...therapist, cancelledBy: undefined }),
    ).toBe('Your wellbeing session with Amira on Tue 3 Mar, 14:00 (London time) is cancelled.');
  });

  it('finds a forbidden word in a link in any case', () => {
    expect(isCleanForText('https://zoom.us/my/DrSmithTherapy')).toBe(false);
    expect(isCleanForText('https://meet.jit.si/0123456789abcdef')).toBe(true);
  });
});
