import { DateTime } from 'luxon';
import { dayAndTime, duration, languageList, languageName } from './words';

describe('words for people', () => {
  it('names a language in English and in itself, never as a code', () => {
    expect(languageName('fr')).toBe('French (français)');
    expect(languageName('en')).toBe('English');
    expect(languageList(['en', 'fr', 'ar'])).toBe(
      'English, French (français) and Arabic (العربية)',
    );
  });

  it('says durations in hours and minutes', () => {
    expect(duration(60)).toBe('1 hour');
    expect(duration(150)).toBe('2 hours 30 minutes');
    expect(duration(45)).toBe('45 minutes');
  });

  it('shows the year only for another year or more than six months away', () => {
    const from = new Date('2027-03-01T00:00:00Z');
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Athens' });
    expect(dayAndTime(at('2027-03-02T09:00'), from)).toBe('Tue 2 Mar at 09:00');
    expect(dayAndTime(at('2027-11-02T09:00'), from)).toBe('Tue 2 Nov 2027 at 09:00');
    expect(dayAndTime(at('2028-01-04T09:00'), new Date('2027-12-20T00:00:00Z'))).toBe(
      'Tue 4 Jan 2028 at 09:00',
    );
  });
});
