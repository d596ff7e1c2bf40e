import { IANAZone } from 'luxon';
import {
  dayNumber,
  dayClock,
  isCalendarDate,
  isoDate,
  isoWeekday,
  localDayAndMinute,
  parseLocalTime,
  resolveLocal,
} from './local-time';
import { availabilityIntervals, freeStarts } from './slots';

const london = IANAZone.create('Europe/London');
const at = (date: string, hhmm: string, zone = london) =>
  resolveLocal(zone, dayNumber(date), parseLocalTime(hhmm));
const utc = (ms: number) => new Date(ms).toISOString();

describe('calendar days', () => {
  it('counts days and ISO weekdays without a time zone', () => {
    expect(isoDate(dayNumber('2027-03-28'))).toBe('2027-03-28');
    expect(isoWeekday(dayNumber('2027-03-22'))).toBe(1); // Monday
    expect(isoWeekday(dayNumber('2027-03-28'))).toBe(7); // Sunday
    expect(isoWeekday(dayNumber('1969-12-31'))).toBe(3); // before day 0 too
  });

  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2027-4-01')).toBe(false);
    expect(isCalendarDate(20270401)).toBe(false);
  });
});

describe('resolveLocal (Europe/London, 2027)', () => {
  it('maps an ordinary wall-clock time to its one instant', () => {
    expect(at('2027-07-01', '09:00')).toEqual({
      instant: Date.parse('2027-07-01T08:00:00Z'),
      resolution: 'exact',
    });
  });

  it('takes the first of the two 01:30s on 31 October', () => {
    const r = at('2027-10-31', '01:30');
    expect([utc(r.instant), r.resolution]).toEqual(['2027-10-31T00:30:00.000Z', 'ambiguous']);
  });

  it('maps a skipped time on 28 March to the instant the clocks jump (02:00 BST)', () => {
    for (const hhmm of ['01:00', '01:30', '01:59']) {
      const r = at('2027-03-28', hhmm);
      expect([utc(r.instant), r.resolution]).toEqual(['2027-03-28T01:00:00.000Z', 'skipped']);
    }
    expect(at('2027-03-28', '02:00').resolution).toBe('exact');
  });

  it('agrees with the day clock and reads instants back to wall-clock times', () => {
    for (const date of ['2027-03-27', '2027-03-28', '2027-10-31', '2027-11-01']) {
      const clock = dayClock(london, dayNumber(date));
      for (let minute = 0; minute <= 1440; minute += 15) {
        const r = clock.at(minute);
        expect(r).toEqual(resolveLocal(london, dayNumber(date), minute));
        if (r.resolution === 'exact' && minute < 1440) {
          expect(localDayAndMinute(london, r.instant)).toEqual({ day: dayNumber(date), minute });
        }
      }
    }
    expect(dayClock(london, dayNumber('2027-07-01')).steady).toBe(true);
    expect(dayClock(london, dayNumber('2027-03-28')).steady).toBe(false);
  });
});

describe('zones whose clocks change at midnight or in the southern spring', () => {
  const santiago = 'America/Santiago';
  const av = (weekly: Array<[number, string, string]>, timezone = santiago) => ({
    timezone,
    weekly: weekly.map(([weekday, start, end]) => ({
      weekday,
      start: parseLocalTime(start),
      end: parseLocalTime(end),
    })),
    exceptions: new Map(),
  });
  const rules = { sessionMinutes: 30, minimumNoticeHours: 0, gridMinutes: 30 };
  const LONG_AGO = new Date('2027-01-01T00:00:00Z');
  const range = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

  it('starts a Sunday window at 01:00 when Santiago skips midnight (5 September 2027)', () => {
    const slots = freeStarts(
      av([[7, '00:00', '02:00']]),
      rules,
      range('2027-09-05T00:00Z', '2027-09-06T00:00Z'),
      LONG_AGO,
      [],
    );
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2027-09-05T04:00:00.000Z', // 01:00 -03
      '2027-09-05T04:30:00.000Z',
    ]);
  });

  it('ends a Saturday 24:00 window where the Sunday begins, and joins it to Sunday', () => {
    const intervals = availabilityIntervals(
      av([
        [6, '22:00', '24:00'],
        [7, '00:00', '02:00'],
      ]),
      range('2027-09-04T00:00Z', '2027-09-06T00:00Z'),
    );
    expect(intervals.map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['2027-09-05T02:00:00.000Z', '2027-09-05T05:00:00.000Z'],
    ]);
  });

  it('offers the repeated 23:00 hour of 3 April 2027 once', () => {
    const slots = freeStarts(
      av([[6, '22:00', '24:00']]),
      rules,
      range('2027-04-03T00:00Z', '2027-04-05T00:00Z'),
      LONG_AGO,
      [],
    );
    expect(slots.map((d) => d.toISOString())).toEqual([
      '2027-04-04T01:00:00.000Z', // 22:00 -03
      '2027-04-04T01:30:00.000Z',
      '2027-04-04T02:00:00.000Z', // 23:00 -03, the first of two
      '2027-04-04T02:30:00.000Z',
    ]);
  });

  it('moves a Sydney 09:00 one hour earlier in UTC after its October change', () => {
    const sydney = av([[6, '09:00', '09:30']], 'Australia/Sydney');
    const first = (from: string) =>
      freeStarts(sydney, rules, range(from, '2027-10-10T00:00Z'), LONG_AGO, [])[0].toISOString();
    expect(first('2027-09-30T00:00Z')).toBe('2027-10-01T23:00:00.000Z'); // Sat 2 Oct, +10
    expect(first('2027-10-03T00:00Z')).toBe('2027-10-08T22:00:00.000Z'); // Sat 9 Oct, +11
  });
});
