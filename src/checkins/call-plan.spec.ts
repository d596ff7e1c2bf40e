import { DateTime } from 'luxon';
import { zonedTime } from '../common/time/zoned-time.view';
import { CallPlan, firstCallDate, occurrences } from './call-plan';

/** The wall clock in `zone` at `at`: its ISO form, date and time. */
const inZone = (at: Date, zone: string) => {
  const { local } = zonedTime(at, zone);
  return { startsAt: local, date: local.slice(0, 10), time: local.slice(11, 16) };
};

const athens18: CallPlan = {
  cadence: 'weekly',
  weekday: 6, // Saturday
  localTime: '18:00',
  timezone: 'Europe/Athens',
  anchorOn: '2027-03-20',
  endsOn: null,
};
const utc = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('call plan', () => {
  it('keeps a weekly 18:00 Europe/Athens call at 18:00 local across both 2027 DST changes while UTC moves', () => {
    const calls = occurrences(athens18, {
      from: new Date('2027-03-01T00:00:00Z'),
      to: new Date('2027-11-14T00:00:00Z'),
    });
    const local = calls.map((d) => DateTime.fromJSDate(d, { zone: 'Europe/Athens' }));
    expect(local.every((l) => l.toFormat('HH:mm') === '18:00' && l.weekday === 6)).toBe(true);

    const byDate = new Map(calls.map((d) => [inZone(d, 'Europe/Athens').date, d.toISOString()]));
    expect(byDate.get('2027-03-20')).toBe('2027-03-20T16:00:00.000Z'); // EET, UTC+2
    expect(byDate.get('2027-03-27')).toBe('2027-03-27T16:00:00.000Z'); // the day before the change
    expect(byDate.get('2027-04-03')).toBe('2027-04-03T15:00:00.000Z'); // EEST, UTC+3
    expect(byDate.get('2027-10-30')).toBe('2027-10-30T15:00:00.000Z'); // the day before the change
    expect(byDate.get('2027-11-06')).toBe('2027-11-06T16:00:00.000Z'); // EET again
    expect(calls).toHaveLength(35); // 20 March to 13 November, every Saturday, none lost or doubled
  });

  it('shows the call to a buddy in Europe/London at 16:00 in winter and summer alike, 17:00 in the weeks when only London has changed', () => {
    const seen = (iso: string) => inZone(new Date(iso), 'Europe/London');
    expect(seen('2027-03-20T16:00:00Z')).toMatchObject({ time: '16:00', date: '2027-03-20' });
    expect(seen('2027-04-03T15:00:00Z')).toMatchObject({
      time: '16:00',
      startsAt: '2027-04-03T16:00:00+01:00',
    });
    expect(inZone(new Date('2027-04-03T15:00:00Z'), 'Europe/Athens').startsAt).toBe(
      '2027-04-03T18:00:00+03:00',
    );
  });

  it('repeats fortnightly from the anchor date and never before it', () => {
    const calls = occurrences(
      { ...athens18, cadence: 'fortnightly' },
      { from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-05-01T00:00:00Z') },
    );
    expect(calls.map((d) => inZone(d, 'Europe/Athens').date)).toEqual([
      '2027-03-20',
      '2027-04-03',
      '2027-04-17',
    ]);
  });

  it('keeps fortnightly parity when the range starts long after the anchor', () => {
    const calls = occurrences(
      { ...athens18, cadence: 'fortnightly' },
      { from: new Date('2028-01-01T00:00:00Z'), to: new Date('2028-01-31T00:00:00Z') },
    );
    // 2028-01-01 is 41 weeks after the anchor, an odd week: the calls fall on the 8th and 22nd
    expect(calls.map((d) => inZone(d, 'Europe/Athens').date)).toEqual(['2028-01-08', '2028-01-22']);
  });

  it('stops at endsOn (inclusive) and counts the range as [from, to)', () => {
    const calls = occurrences(
      { ...athens18, endsOn: '2027-04-03' },
      { from: new Date('2027-03-20T16:00:00Z'), to: new Date('2027-12-01T00:00:00Z') },
    );
    expect(utc(calls)).toEqual([
      '2027-03-20T16:00:00.000Z',
      '2027-03-27T16:00:00.000Z',
      '2027-04-03T15:00:00.000Z',
    ]);
    const excl = occurrences(athens18, {
      from: new Date('2027-03-20T16:00:01Z'),
      to: new Date('2027-03-27T16:00:00Z'),
    });
    expect(excl).toEqual([]);
  });

  it('moves a call in the spring-forward gap to the instant the clocks resume, and gives the first occurrence of an ambiguous autumn time', () => {
    const gap = occurrences(
      { ...athens18, weekday: 7, localTime: '03:30', anchorOn: '2027-03-21' },
      { from: new Date('2027-03-27T00:00:00Z'), to: new Date('2027-03-29T00:00:00Z') },
    );
    // 03:00-04:00 does not exist; the clocks resume at 04:00 EEST (before the one rule: 04:30)
    expect(utc(gap)).toEqual(['2027-03-28T01:00:00.000Z']);
    const ambiguous = occurrences(
      { ...athens18, weekday: 7, localTime: '03:30', anchorOn: '2027-10-24' },
      { from: new Date('2027-10-30T00:00:00Z'), to: new Date('2027-11-01T00:00:00Z') },
    );
    expect(ambiguous).toHaveLength(1);
    expect(inZone(ambiguous[0], 'Europe/Athens').time).toBe('03:30');
    expect(utc(ambiguous)).toEqual(['2027-10-31T00:30:00.000Z']); // 03:30 EEST, the first
  });

  describe('firstCallDate', () => {
    it('is today when the time is still ahead in the zone, else next week', () => {
      // 2027-03-06 is a Saturday; 15:00Z is 17:00 in Athens
      expect(firstCallDate(new Date('2027-03-06T15:00:00Z'), 6, '18:00', 'Europe/Athens')).toBe(
        '2027-03-06',
      );
      expect(firstCallDate(new Date('2027-03-06T16:00:00Z'), 6, '18:00', 'Europe/Athens')).toBe(
        '2027-03-13',
      );
    });

    it('uses the local date of the zone, not of UTC', () => {
      // 23:30Z on Friday 5 March is already Saturday 01:30 in Athens
      expect(firstCallDate(new Date('2027-03-05T23:30:00Z'), 6, '18:00', 'Europe/Athens')).toBe(
        '2027-03-06',
      );
      expect(firstCallDate(new Date('2027-03-05T23:30:00Z'), 5, '18:00', 'Europe/Athens')).toBe(
        '2027-03-12',
      );
    });
  });
});
