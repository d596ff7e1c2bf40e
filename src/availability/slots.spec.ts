import { DateTime } from 'luxon';
import { Interval } from '../common/time/interval';
import { LocalWindow, parseLocalTime } from '../common/time/weekly-window';
import {
  Availability,
  availabilityIntervals,
  freeStarts,
  SessionRules,
  whyUnbookable,
} from './slots';

const LONDON = 'Europe/London';
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];

const window = (start: string, end: string): LocalWindow => ({
  start: parseLocalTime(start),
  end: parseLocalTime(end),
});

function availability(
  timezone: string,
  weekly: Array<[number[], string, string]>,
  exceptions: Record<string, Array<[string, string]>> = {},
): Availability {
  return {
    timezone,
    weekly: weekly.flatMap(([days, start, end]) =>
      days.map((weekday) => ({ weekday, ...window(start, end) })),
    ),
    exceptions: new Map(
      Object.entries(exceptions).map(([date, ws]) => [date, ws.map(([s, e]) => window(s, e))]),
    ),
  };
}

const rules = (over: Partial<SessionRules> = {}): SessionRules => ({
  sessionMinutes: 50,
  minimumNoticeHours: 0,
  gridMinutes: 30,
  ...over,
});

const LONG_AGO = new Date('2027-01-01T00:00:00Z');
const utc = (iso: string) => new Date(iso);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString().replace(':00.000Z', 'Z'));
/** The whole local date in `zone`, as a range. */
const localDay = (date: string, zone = LONDON) => {
  const start = DateTime.fromISO(date, { zone });
  return { from: start.toJSDate(), to: start.plus({ days: 1 }).toJSDate() };
};
const wallClock = (dates: Date[], zone = LONDON) =>
  dates.map((d) => DateTime.fromJSDate(d, { zone }).toFormat('HH:mm'));

function slotsOn(
  date: string,
  av: Availability,
  r = rules(),
  now = LONG_AGO,
  busy: Interval[] = [],
) {
  return freeStarts(av, r, localDay(date, av.timezone), now, busy);
}

describe('free slots across the UK clock changes of 2027', () => {
  describe.each([
    ['09:00', '17:00', '09:00', '16:00'],
    // Cal.com #30021 broke only windows starting at 13:00 or later; the rule must not care.
    ['13:00', '17:00', '13:00', '16:00'],
  ])('a %s-%s window in Europe/London', (start, end, firstLocal, lastLocal) => {
    const av = availability(LONDON, [[EVERY_DAY, start, end]]);
    const firstAndLast = (date: string) => {
      const slots = iso(slotsOn(date, av));
      return [slots[0], slots.at(-1)];
    };
    const at = (date: string, hhmm: string, offsetHours: number) => {
      const [h, m] = hhmm.split(':').map(Number);
      return new Date(Date.UTC(...ymd(date), h - offsetHours, m)).toISOString().slice(0, 16) + 'Z';
    };

    it.each(['2027-03-22', '2027-03-27'])('keeps local time = UTC before 28 March (%s)', (date) => {
      expect(firstAndLast(date)).toEqual([at(date, firstLocal, 0), at(date, lastLocal, 0)]);
    });

    it.each(['2027-03-28', '2027-03-29', '2027-07-14', '2027-10-30'])(
      'starts one hour earlier in UTC from 28 March, while BST holds (%s)',
      (date) => {
        expect(firstAndLast(date)).toEqual([at(date, firstLocal, 1), at(date, lastLocal, 1)]);
      },
    );

    it.each(['2027-10-31', '2027-11-01', '2027-12-20'])(
      'is back on UTC from 31 October (%s)',
      (date) => {
        expect(firstAndLast(date)).toEqual([at(date, firstLocal, 0), at(date, lastLocal, 0)]);
      },
    );

    it('keeps the same wall-clock slots on every day of a range spanning both changes', () => {
      const slots = freeStarts(
        av,
        rules(),
        { from: utc('2027-03-20T00:00Z'), to: utc('2027-11-07T00:00Z') },
        LONG_AGO,
        [],
      );
      const perDay = new Map<string, string[]>();
      for (const s of slots) {
        const local = DateTime.fromJSDate(s, { zone: LONDON });
        perDay.set(local.toISODate()!, [
          ...(perDay.get(local.toISODate()!) ?? []),
          local.toFormat('HH:mm'),
        ]);
      }
      expect(perDay.size).toBe(232);
      const expected = perDay.get('2027-03-20');
      for (const times of perDay.values()) expect(times).toEqual(expected);
    });
  });

  describe('spring forward, Sunday 28 March 2027 (01:00 GMT becomes 02:00 BST)', () => {
    it('gives no slot for a 01:00-02:00 window: that hour does not exist', () => {
      const av = availability(LONDON, [[[7], '01:00', '02:00']]);
      expect(slotsOn('2027-03-28', av, rules({ sessionMinutes: 30 }))).toEqual([]);
      // The same window a week earlier is an ordinary hour.
      expect(iso(slotsOn('2027-03-21', av, rules({ sessionMinutes: 30 })))).toEqual([
        '2027-03-21T01:00Z',
        '2027-03-21T01:30Z',
      ]);
    });

    it('skips the missing wall-clock times inside a wider window', () => {
      const av = availability(LONDON, [[[7], '00:00', '03:00']]);
      const slots = slotsOn('2027-03-28', av, rules({ sessionMinutes: 30 }));
      expect(iso(slots)).toEqual([
        '2027-03-28T00:00Z',
        '2027-03-28T00:30Z',
        '2027-03-28T01:00Z',
        '2027-03-28T01:30Z',
      ]);
      expect(wallClock(slots)).toEqual(['00:00', '00:30', '02:00', '02:30']);
    });

    it('treats a window opening inside the gap as opening when the clocks resume', () => {
      const av = availability(LONDON, [[[7], '01:30', '03:00']]);
      const slots = slotsOn('2027-03-28', av, rules({ sessionMinutes: 30 }));
      expect(wallClock(slots)).toEqual(['02:00', '02:30']);
    });
  });

  describe('fall back, Sunday 31 October 2027 (02:00 BST becomes 01:00 GMT)', () => {
    it('offers each wall-clock time of the repeated hour once, at its first occurrence', () => {
      const av = availability(LONDON, [[[7], '01:00', '02:00']]);
      const slots = slotsOn('2027-10-31', av, rules({ sessionMinutes: 30 }));
      expect(iso(slots)).toEqual(['2027-10-31T00:00Z', '2027-10-31T00:30Z']);
      expect(wallClock(slots)).toEqual(['01:00', '01:30']);
    });

    it('gives no duplicate slot across a window spanning the change', () => {
      const av = availability(LONDON, [[[7], '00:00', '04:00']]);
      const slots = slotsOn('2027-10-31', av, rules({ sessionMinutes: 30 }));
      const labels = wallClock(slots);
      expect(labels).toEqual([
        '00:00',
        '00:30',
        '01:00',
        '01:30',
        '02:00',
        '02:30',
        '03:00',
        '03:30',
      ]);
      expect(new Set(slots.map((s) => s.getTime())).size).toBe(slots.length);
    });
  });
});

describe('the requested time zone', () => {
  it('shows a London therapist 09:00 slot as 11:00 to a volunteer in Europe/Athens, all year', () => {
    const av = availability(LONDON, [[EVERY_DAY, '09:00', '10:00']]);
    for (const date of ['2027-01-12', '2027-03-27', '2027-03-28', '2027-07-01', '2027-10-31']) {
      const [slot] = slotsOn(date, av);
      expect(wallClock([slot], LONDON)).toEqual(['09:00']);
      expect(wallClock([slot], 'Europe/Athens')).toEqual(['11:00']);
    }
  });

  it('keeps the grid on the therapist wall clock in a half-hour zone (Asia/Kolkata)', () => {
    const av = availability('Asia/Kolkata', [[EVERY_DAY, '09:00', '10:30']]);
    const slots = slotsOn('2027-05-03', av, rules({ gridMinutes: 60, sessionMinutes: 30 }));
    expect(iso(slots)).toEqual(['2027-05-03T03:30Z', '2027-05-03T04:30Z']);
  });
});

describe('minimum notice and the grid', () => {
  const allDay = availability(LONDON, [[EVERY_DAY, '00:00', '24:00']]);

  it('hold across midnight', () => {
    const now = utc('2027-06-01T22:50Z'); // 23:50 BST
    const slots = freeStarts(
      allDay,
      rules({ minimumNoticeHours: 24 }),
      { from: now, to: utc('2027-06-03T06:00Z') },
      now,
      [],
    );
    // 24 elapsed hours later is 23:50 BST on 2 June; the next grid time is 00:00 on 3 June.
    expect(iso(slots).slice(0, 3)).toEqual([
      '2027-06-02T23:00Z',
      '2027-06-02T23:30Z',
      '2027-06-03T00:00Z',
    ]);
    expect(new Set(wallClock(slots).map((t) => t.slice(3)))).toEqual(new Set(['00', '30']));
  });

  it('hold across the spring change: notice is elapsed hours, not wall-clock hours', () => {
    const weekdays = availability(LONDON, [[EVERY_DAY, '09:00', '17:00']]);
    const now = utc('2027-03-27T10:10Z'); // Saturday 10:10 GMT
    const [first] = freeStarts(
      weekdays,
      rules({ minimumNoticeHours: 24 }),
      { from: now, to: utc('2027-03-30T00:00Z') },
      now,
      [],
    );
    // 24 h later is 10:10Z = 11:10 BST on Sunday; the first grid time after it is 11:30 BST.
    expect(first.toISOString()).toBe('2027-03-28T10:30:00.000Z');
  });

  it('hold across the autumn change', () => {
    const now = utc('2027-10-30T23:10Z'); // 00:10 BST on Sunday 31 October
    const slots = freeStarts(
      allDay,
      rules({ minimumNoticeHours: 1, sessionMinutes: 30 }),
      { from: now, to: utc('2027-10-31T04:00Z') },
      now,
      [],
    );
    // 1 h later is 00:10Z = 01:10 BST; after 01:30 BST the next wall-clock grid time is 02:00 GMT.
    expect(iso(slots)).toEqual([
      '2027-10-31T00:30Z',
      '2027-10-31T02:00Z',
      '2027-10-31T02:30Z',
      '2027-10-31T03:00Z',
      '2027-10-31T03:30Z',
    ]);
    expect(wallClock(slots)).toEqual(['01:30', '02:00', '02:30', '03:00', '03:30']);
  });

  it('lets a session run across midnight when the windows touch', () => {
    const av = availability(LONDON, [
      [[1], '22:00', '24:00'],
      [[2], '00:00', '02:00'],
    ]);
    const slots = freeStarts(
      av,
      rules(),
      { from: utc('2027-06-07T00:00Z'), to: utc('2027-06-09T00:00Z') },
      LONG_AGO,
      [],
    );
    expect(wallClock(slots)).toEqual([
      '22:00',
      '22:30',
      '23:00',
      '23:30',
      '00:00',
      '00:30',
      '01:00',
    ]);
  });
});

describe('windows, exceptions, busy intervals and the range', () => {
  const av = availability(
    LONDON,
    [
      [[1, 2, 3, 4, 5], '09:00', '12:00'],
      [[1, 2, 3, 4, 5], '14:00', '16:00'],
    ],
    { '2027-06-08': [], '2027-06-09': [['18:00', '19:00']] },
  );

  it('offers several windows per day, each slot fitting the session inside one', () => {
    expect(wallClock(slotsOn('2027-06-07', av))).toEqual([
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '14:00',
      '14:30',
      '15:00',
    ]);
  });

  it('closes a date with an empty exception and replaces its windows with a non-empty one', () => {
    expect(slotsOn('2027-06-08', av)).toEqual([]);
    expect(wallClock(slotsOn('2027-06-09', av))).toEqual(['18:00']);
    expect(slotsOn('2027-06-12', av)).toEqual([]); // Saturday: no weekly window
  });

  it('removes the slots a busy interval overlaps (the interval carries the buffer)', () => {
    // A session 10:00-10:50 BST with a 15-minute buffer blocks 09:45-11:05 BST.
    const busy = [{ start: utc('2027-06-07T08:45Z'), end: utc('2027-06-07T10:05Z') }];
    expect(wallClock(slotsOn('2027-06-07', av, rules(), LONG_AGO, busy))).toEqual([
      '14:00',
      '14:30',
      '15:00',
    ]);
    const shortBusy = [{ start: utc('2027-06-07T09:00Z'), end: utc('2027-06-07T09:50Z') }];
    expect(wallClock(slotsOn('2027-06-07', av, rules(), LONG_AGO, shortBusy))).toEqual([
      '09:00',
      '11:00',
      '14:00',
      '14:30',
      '15:00',
    ]);
  });

  it('gives only start times in [from, to)', () => {
    const slots = freeStarts(
      av,
      rules(),
      { from: utc('2027-06-07T09:00Z'), to: utc('2027-06-07T13:00Z') },
      LONG_AGO,
      [],
    );
    expect(wallClock(slots)).toEqual(['10:00', '10:30', '11:00']);
  });

  it('expands to concrete UTC intervals, touching windows joined, clipped to the range', () => {
    const touching = availability(LONDON, [
      [[1], '09:00', '12:00'],
      [[1], '12:00', '13:00'],
      [[1], '15:00', '17:00'],
    ]);
    const intervals = availabilityIntervals(touching, {
      from: utc('2027-03-22T10:00Z'),
      to: utc('2027-03-29T16:00Z'),
    });
    expect(intervals.map((i) => [i.start.toISOString(), i.end.toISOString()])).toEqual([
      ['2027-03-22T10:00:00.000Z', '2027-03-22T13:00:00.000Z'],
      ['2027-03-22T15:00:00.000Z', '2027-03-22T17:00:00.000Z'],
      ['2027-03-29T08:00:00.000Z', '2027-03-29T12:00:00.000Z'],
      ['2027-03-29T14:00:00.000Z', '2027-03-29T16:00:00.000Z'],
    ]);
  });
});

describe('whyUnbookable', () => {
  const av = availability(LONDON, [[EVERY_DAY, '09:00', '17:00']]);
  const now = utc('2027-06-01T12:00Z');
  const why = (startsAt: string, busy: Interval[] = []) =>
    whyUnbookable(av, rules({ minimumNoticeHours: 24 }), utc(startsAt), now, busy);

  it('names the first rule a start time breaks', () => {
    expect(why('2027-06-03T08:00Z')).toBeNull(); // 09:00 BST
    expect(why('2027-06-03T07:30Z')).toBe('outside-availability'); // 08:30 BST
    expect(why('2027-06-03T15:30Z')).toBe('outside-availability'); // 16:30 + 50 min > 17:00
    expect(why('2027-06-03T08:10Z')).toBe('off-grid');
    expect(why('2027-06-03T08:00:30Z')).toBe('off-grid');
    expect(why('2027-06-02T11:30Z')).toBe('too-short-notice');
    expect(
      why('2027-06-03T08:00Z', [
        { start: utc('2027-06-03T08:40Z'), end: utc('2027-06-03T09:00Z') },
      ]),
    ).toBe('busy');
  });

  it('calls the second 01:00 of the autumn night off-grid, as freeStarts never offers it', () => {
    const night = availability(LONDON, [[[7], '00:00', '04:00']]);
    const r = rules({ sessionMinutes: 30 });
    expect(whyUnbookable(night, r, utc('2027-10-31T00:00Z'), LONG_AGO, [])).toBeNull();
    expect(whyUnbookable(night, r, utc('2027-10-31T01:00Z'), LONG_AGO, [])).toBe('off-grid');
  });

  it.each([
    ['spring', '2027-03-26T00:00Z', '2027-03-30T00:00Z', '2027-03-27T10:10Z'],
    ['autumn', '2027-10-29T00:00Z', '2027-11-02T00:00Z', '2027-10-30T23:40Z'],
  ])('agrees with freeStarts at every 5 minutes around the %s change', (_, from, to, nowIso) => {
    const nights = availability(
      LONDON,
      [
        [EVERY_DAY, '00:00', '03:00'],
        [EVERY_DAY, '09:00', '12:00'],
        [EVERY_DAY, '22:00', '24:00'],
      ],
      {},
    );
    const r = rules({ minimumNoticeHours: 5 });
    const busy = [
      { start: utc(from.slice(0, 10) + 'T10:05Z'), end: utc(from.slice(0, 10) + 'T10:40Z') },
    ];
    const range = { from: utc(from), to: utc(to) };
    const free = new Set(freeStarts(nights, r, range, utc(nowIso), busy).map((d) => d.getTime()));
    expect(free.size).toBeGreaterThan(20);
    for (let t = range.from.getTime(); t < range.to.getTime(); t += 5 * 60_000) {
      const verdict = whyUnbookable(nights, r, new Date(t), utc(nowIso), busy);
      expect({ at: new Date(t).toISOString(), free: verdict === null }).toEqual({
        at: new Date(t).toISOString(),
        free: free.has(t),
      });
    }
  });
});

function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m - 1, d];
}

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
