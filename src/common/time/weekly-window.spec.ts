import { intersect, mergeIntervals, minutesOf } from './interval';
import {
  expandWeekly as expandText,
  WeeklyWindowText,
  weeklyWindowFromText,
} from './weekly-window';

const expandWeekly = (windows: WeeklyWindowText[], zone: string, range: { from: Date; to: Date }) =>
  expandText(windows.map(weeklyWindowFromText), zone, range);

const d = (iso: string) => new Date(iso);
const iso = (xs: Array<{ start: Date; end: Date }>) =>
  xs.map((x) => `${x.start.toISOString()}/${x.end.toISOString()}`);

describe('weekly windows and intervals', () => {
  it('expands a weekly window per local date, following the zone across DST', () => {
    const out = expandWeekly([{ weekday: 6, start: '18:00', end: '20:00' }], 'Europe/Athens', {
      from: d('2027-03-20T00:00:00Z'),
      to: d('2027-04-04T00:00:00Z'),
    });
    expect(iso(out)).toEqual([
      '2027-03-20T16:00:00.000Z/2027-03-20T18:00:00.000Z',
      '2027-03-27T16:00:00.000Z/2027-03-27T18:00:00.000Z',
      '2027-04-03T15:00:00.000Z/2027-04-03T17:00:00.000Z',
    ]);
  });

  it('clips to the range and reads 24:00 as the end of the day', () => {
    const out = expandWeekly([{ weekday: 1, start: '22:00', end: '24:00' }], 'Europe/London', {
      from: d('2027-03-01T23:00:00Z'),
      to: d('2027-03-09T00:00:00Z'),
    });
    expect(iso(out)).toEqual([
      '2027-03-01T23:00:00.000Z/2027-03-02T00:00:00.000Z',
      '2027-03-08T22:00:00.000Z/2027-03-09T00:00:00.000Z',
    ]);
  });

  it('includes a window whose local date starts the day before the range in UTC', () => {
    // Sunday 01:00-03:00 in Athens is Saturday 23:00Z - Sunday 01:00Z
    const out = expandWeekly([{ weekday: 7, start: '01:00', end: '03:00' }], 'Europe/Athens', {
      from: d('2027-03-06T23:30:00Z'),
      to: d('2027-03-08T00:00:00Z'),
    });
    expect(iso(out)).toEqual(['2027-03-06T23:30:00.000Z/2027-03-07T01:00:00.000Z']);
  });

  it('merges touching windows and intersects two sets', () => {
    const a = mergeIntervals([
      { start: d('2027-03-01T10:00:00Z'), end: d('2027-03-01T11:00:00Z') },
      { start: d('2027-03-01T11:00:00Z'), end: d('2027-03-01T12:00:00Z') },
      { start: d('2027-03-01T15:00:00Z'), end: d('2027-03-01T16:00:00Z') },
    ]);
    expect(a).toHaveLength(2);
    const b = [
      { start: d('2027-03-01T11:30:00Z'), end: d('2027-03-01T15:30:00Z') },
      { start: d('2027-03-01T09:00:00Z'), end: d('2027-03-01T10:15:00Z') },
    ];
    const both = intersect(a, b);
    expect(iso(both)).toEqual([
      '2027-03-01T10:00:00.000Z/2027-03-01T10:15:00.000Z',
      '2027-03-01T11:30:00.000Z/2027-03-01T12:00:00.000Z',
      '2027-03-01T15:00:00.000Z/2027-03-01T15:30:00.000Z',
    ]);
    expect(minutesOf(both)).toBe(75);
    expect(intersect(a, [])).toEqual([]);
  });
});
