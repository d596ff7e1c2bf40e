import { describe, expect, it } from 'vitest';
import { formatZoned } from './time/formatZoned';
import {
  AUDIT_ACTION_WORDS,
  auditActionWords,
  auditTargetWords,
  COUNTRIES,
  countryName,
  fieldWords,
  greetingName,
  languageList,
  languageName,
  problemWords,
  textAbout,
  textReason,
  twilioError,
} from './words';

describe('words for people', () => {
  it('names languages in English and in themselves', () => {
    expect(languageName('fr')).toBe('French (français)');
    expect(languageName('en')).toBe('English');
    expect(languageList(['en', 'fr', 'ar'])).toBe(
      'English, French (français) and Arabic (العربية)',
    );
  });

  it('names countries and offers every one of them', () => {
    expect(countryName('FR')).toBe('France');
    expect(COUNTRIES).toHaveLength(249);
    expect(COUNTRIES.map((c) => c.label)).toContain('Greece');
    expect(COUNTRIES.map((c) => c.label)).not.toContain('FR');
  });

  it('greets by the preferred name', () => {
    expect(greetingName({ name: 'Rosa Test', preferredName: 'Rosa' })).toBe('Rosa');
    expect(greetingName({ name: 'Rosa Test', preferredName: ' ' })).toBe('Rosa Test');
  });

  it('says what a text is about, never its key', () => {
    const text = {
      template: 'session_reminder',
      about: 'session:ffa9b8c1',
      startsAt: { utc: '2026-12-10T10:00:00Z' },
    };
    const words = textAbout(text, 'Europe/Athens');
    expect(words).toMatch(/^Reminder of your session on Thu 10 Dec( 2026)?, 12:00 Athens time$/);
    expect(words).not.toContain('ffa9');
    expect(textAbout({ template: 'something_new', startsAt: null }, 'UTC')).toBe(
      'A text about your support',
    );
    expect(textReason('pairing-ended')).toBe('The calls with your buddy have ended.');
    expect(textReason('some-new-code')).toBeNull();
  });

  it('explains Twilio codes and says whether trying again can help', () => {
    expect(twilioError('30003')).toEqual({
      words: 'The phone was unreachable: switched off or out of signal.',
      retry: true,
    });
    expect(twilioError('21610').retry).toBe(false);
  });

  it('turns problems into what to do, linked to the page that fixes it', () => {
    expect(
      problemWords({
        type: '/problems/consent-missing',
        detail:
          'First agree to “Sharing with your therapist” on the page “What you have agreed to” in your account.',
      }),
    ).toMatchObject({ href: '/account/consents' });
    expect(problemWords({ type: '/problems/slot-taken', detail: 'Slot taken (409).' }).words).toBe(
      'Someone has just taken that time. Choose another.',
    );
  });

  it('replaces a validator’s default message with the field’s words', () => {
    expect(fieldWords('name', 'name should not be empty')).toBe('Enter your full name');
    expect(fieldWords('deployments.0.location', 'location must be shorter')).toBe(
      'Enter the town or camp where you volunteer',
    );
    expect(fieldWords('timezone', 'Choose a time zone from the list')).toBe(
      'Choose a time zone from the list',
    );
  });
});

describe('the audit trail in words', () => {
  it('says every action in plain words, never its code', () => {
    const words = Object.values(AUDIT_ACTION_WORDS);
    expect(words.length).toBeGreaterThan(60);
    expect(words.filter((w) => /[._]|therap|counsel|trauma|mental health/i.test(w))).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
  });

  it('answers in words for an action or a target it does not know', () => {
    expect(auditActionWords('session.booked')).toBe('Booked a session');
    expect(auditActionWords('test.tick')).not.toContain('test');
    expect(auditTargetWords('session')).toBe('a session');
    expect(auditTargetWords(null)).toBe('Nothing in particular');
    expect(auditTargetWords('something_new')).toBe('a record');
  });
});

describe('formatZoned', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('leaves the year out for a date soon in this year', () => {
    expect(formatZoned('2026-12-10T10:00:00Z', 'Europe/London', now)).toBe(
      'Thu 10 Dec, 10:00 London time',
    );
  });

  it('shows the year in another year or more than six months away', () => {
    expect(formatZoned('2027-01-05T10:00:00Z', 'Europe/London', now)).toBe(
      'Tue, 5 Jan 2027, 10:00 London time',
    );
    expect(formatZoned('2026-01-05T10:00:00Z', 'Europe/London', now)).toBe(
      'Mon, 5 Jan 2026, 10:00 London time',
    );
  });
});

describe('languages typed by a person', () => {
  it('reads names or codes, most preferred first, and writes names back', async () => {
    const { parseLanguages, languagesText } = await import('./words');
    expect(parseLanguages('English, French (français), Ελληνικά')).toEqual(['en', 'fr', 'el']);
    expect(parseLanguages('en fr, ar')).toEqual(['en', 'fr', 'ar']);
    expect(parseLanguages('Klingon')).toEqual(['klingon']);
    expect(languagesText(['en', 'fr'])).toBe('English, French');
  });
});
