import { IANAZone } from 'luxon';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  atLocal,
  dayNumber,
  dayClock,
  isCalendarDate,
  isoDate,
  isoWeekday,
  localMonth,
  localToday,
  monthStarts,
  offsetAt,
  resolveLocal,
  transitionBetween,
  wallClockAt,
  weekdayOf,
  zoneNamed,
} from './wall-clock';
import { parseLocalTime } from './weekly-window';

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
          const wall = wallClockAt(london, r.instant);
          expect([wall.day, wall.minute]).toEqual([dayNumber(date), minute]);
        }
      }
    }
    expect(dayClock(london, dayNumber('2027-07-01')).steady).toBe(true);
    expect(dayClock(london, dayNumber('2027-03-28')).steady).toBe(false);
  });
});

describe('local dates', () => {
  it("gives today's date in a zone, which differs from UTC's near midnight", () => {
    const now = new Date('2027-03-20T23:30:00Z');
    expect(localToday(now, 'Europe/Athens')).toBe('2027-03-21');
    expect(localToday(now, 'America/New_York')).toBe('2027-03-20');
  });

  it('adds days across month ends and reads weekdays', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-03-20', 8 * 7)).toBe('2027-05-15'); // weeks on the calendar
    expect(weekdayOf('2027-03-22')).toBe(1);
  });

  it('resolves a named zone and date by the same rule', () => {
    expect(atLocal('Europe/London', '2027-03-28', parseLocalTime('01:30')).toISOString()).toBe(
      '2027-03-28T01:00:00.000Z',
    );
  });
});

describe('local months', () => {
  it('names the month of an instant on the local calendar and steps across years', () => {
    expect(localMonth(new Date('2027-03-31T22:30:00Z'), 'Europe/Athens')).toBe('2027-04-01');
    expect(localMonth(new Date('2027-03-31T22:30:00Z'), 'UTC')).toBe('2027-03-01');
    expect(addMonths('2027-12-01', 1)).toBe('2028-01-01');
    expect(addMonths('2027-03-01', -3)).toBe('2026-12-01');
  });

  it('gives the local months a range touches with the instants they begin', () => {
    const months = monthStarts(
      'Europe/Athens',
      new Date('2027-03-20T00:00:00Z'),
      new Date('2027-05-02T00:00:00Z'),
    );
    expect(months.map((m) => [m.month, utc(m.start)])).toEqual([
      ['2027-03-01', '2027-02-28T22:00:00.000Z'],
      ['2027-04-01', '2027-03-31T21:00:00.000Z'],
      ['2027-05-01', '2027-04-30T21:00:00.000Z'],
    ]);
    // Agrees with localMonth on either side of a boundary.
    for (const m of months) {
      expect(localMonth(new Date(m.start), 'Europe/Athens')).toBe(m.month);
      expect(localMonth(new Date(m.start - 1), 'Europe/Athens')).toBe(addMonths(m.month, -1));
    }
  });
});

describe('offsetAt', () => {
  const DAY = 86_400_000;
  const MINUTE = 60_000;

  it('gives zone.offset for the minutes around every clock change of 2026-2029 in every zone', () => {
    let changes = 0;
    for (const name of Intl.supportedValuesOf('timeZone')) {
      const zone = zoneNamed(name);
      for (let day = Date.UTC(2026, 0, 1) / DAY; day < Date.UTC(2030, 0, 1) / DAY; day++) {
        const start = day * DAY;
        if (zone.offset(start) === zone.offset(start + DAY)) continue;
        const change = transitionBetween(zone, start, start + DAY);
        changes++;
        for (const at of [
          start,
          change - MINUTE,
          change - 1,
          change,
          change + MINUTE,
          start + DAY - 1,
        ]) {
          expect([name, at, offsetAt(zone, at)]).toEqual([name, at, zone.offset(at)]);
        }
      }
    }
    expect(changes).toBeGreaterThan(500);
  });

  it('gives zone.offset at any instant', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.constantFrom(...zones),
        (at, name) => offsetAt(zoneNamed(name), at) === zoneNamed(name).offset(at),
      ),
      { numRuns: 2000 },
    );
  });
});
