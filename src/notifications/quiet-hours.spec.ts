import { DateTime } from 'luxon';
import { noticeTime, parseQuietHours, QuietHours, reminderTime } from './quiet-hours';

const NIGHT = parseQuietHours('21:00-08:00') as QuietHours;
const utc = (iso: string) => new Date(iso);
const LONG_AGO = utc('2000-01-01T00:00:00Z');
const FAR_AWAY = utc('2100-01-01T00:00:00Z');

/** The reminder time for `due` with nothing else in the way (event far ahead, now long ago). */
const moved = (due: string, zone: string, quiet: QuietHours | null = NIGHT) =>
  reminderTime(utc(due), FAR_AWAY, LONG_AGO, zone, quiet)?.toISOString() ?? null;

describe('parseQuietHours', () => {
  it('reads HH:mm-HH:mm in minutes after midnight', () => {
    expect(parseQuietHours('21:00-08:00')).toEqual({ start: 1260, end: 480 });
    expect(parseQuietHours(' 13:15 - 14:45 ')).toEqual({ start: 795, end: 885 });
  });

  it('treats off and an empty window as no quiet hours', () => {
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('22:00-22:00')).toBeNull();
  });

  it.each(['21-08', '25:00-08:00', '21:00', '21:00-08:60', 'night'])('refuses %s', (text) => {
    expect(() => parseQuietHours(text)).toThrow(/21:00-08:00/);
  });
});

describe('reminderTime', () => {
  it('keeps a reminder outside quiet hours where it is', () => {
    expect(moved('2026-01-14T14:00:00Z', 'Europe/London')).toBe('2026-01-14T14:00:00.000Z');
  });

  it('allows the first and the last minute of the window edges exactly', () => {
    expect(moved('2026-01-14T21:00:00Z', 'Europe/London')).toBe('2026-01-14T21:00:00.000Z');
    expect(moved('2026-01-14T08:00:00Z', 'Europe/London')).toBe('2026-01-14T08:00:00.000Z');
  });

  it('moves a late-evening reminder to the start of that evening', () => {
    expect(moved('2026-01-14T23:10:00Z', 'Europe/London')).toBe('2026-01-14T21:00:00.000Z');
    expect(moved('2026-01-14T21:00:01Z', 'Europe/London')).toBe('2026-01-14T21:00:00.000Z');
  });

  it('moves an early-morning reminder to the evening before', () => {
    expect(moved('2026-01-15T06:30:00Z', 'Europe/London')).toBe('2026-01-14T21:00:00.000Z');
    expect(moved('2026-01-15T07:59:59Z', 'Europe/London')).toBe('2026-01-14T21:00:00.000Z');
  });

  it('reads the window in the recipient zone, not UTC', () => {
    // 19:30 UTC is 19:30 in London but 21:30 in Athens (UTC+2 in winter).
    expect(moved('2026-01-14T19:30:00Z', 'Europe/London')).toBe('2026-01-14T19:30:00.000Z');
    expect(moved('2026-01-14T19:30:00Z', 'Europe/Athens')).toBe('2026-01-14T19:00:00.000Z');
    // Kolkata is UTC+5:30: 02:00 UTC is 07:30 there, so the evening before at 21:00 = 15:30 UTC.
    expect(moved('2026-01-15T02:00:00Z', 'Asia/Kolkata')).toBe('2026-01-14T15:30:00.000Z');
    // Chatham is UTC+13:45 in January: 09:00 UTC is 22:45 there.
    expect(moved('2026-01-15T09:00:00Z', 'Pacific/Chatham')).toBe('2026-01-15T07:15:00.000Z');
    // Los Angeles (UTC-8): 05:00 UTC on the 15th is 21:00 on the 14th, allowed.
    expect(moved('2026-01-15T05:00:00Z', 'America/Los_Angeles')).toBe('2026-01-15T05:00:00.000Z');
    expect(moved('2026-01-15T13:00:00Z', 'America/Los_Angeles')).toBe('2026-01-15T05:00:00.000Z');
  });

  it('moves across a spring-forward night to the evening before, in the old offset', () => {
    // London jumps from 01:00 GMT to 02:00 BST on 29 March 2026. 07:00 BST = 06:00 UTC.
    expect(moved('2026-03-29T06:00:00Z', 'Europe/London')).toBe('2026-03-28T21:00:00.000Z');
    // The evening after, 21:00 BST is 20:00 UTC.
    expect(moved('2026-03-29T21:30:00Z', 'Europe/London')).toBe('2026-03-29T20:00:00.000Z');
  });

  it('moves across a fall-back night to the evening before, in the old offset', () => {
    // London falls back from 02:00 BST to 01:00 GMT on 25 October 2026; 21:00 BST on the 24th = 20:00 UTC.
    expect(moved('2026-10-25T07:30:00Z', 'Europe/London')).toBe('2026-10-24T20:00:00.000Z');
    // New York falls back on 1 November 2026; 21:00 EDT on 31 October = 01:00 UTC on 1 November.
    expect(moved('2026-11-01T12:00:00Z', 'America/New_York')).toBe('2026-11-01T01:00:00.000Z');
  });

  it('takes the first of a repeated reading when quiet hours start in a fall-back hour', () => {
    const quiet = parseQuietHours('01:30-06:00');
    // 01:30 happens twice in London on 25 October 2026: 00:30 UTC (BST), then 01:30 UTC (GMT).
    expect(moved('2026-10-25T00:45:00Z', 'Europe/London', quiet)).toBe('2026-10-25T00:30:00.000Z');
    expect(moved('2026-10-25T01:45:00Z', 'Europe/London', quiet)).toBe('2026-10-25T00:30:00.000Z');
  });

  it('stops at the last minute before the jump when quiet hours start in a skipped hour', () => {
    const quiet = parseQuietHours('01:30-06:00');
    // 01:30 never happens in London on 29 March 2026: the clock jumps at 01:00 UTC.
    expect(moved('2026-03-29T02:00:00Z', 'Europe/London', quiet)).toBe('2026-03-29T00:59:00.000Z');
    // Santiago jumps from 00:00 to 01:00 on 6 September 2026 (UTC-4 to UTC-3).
    const midnight = parseQuietHours('00:30-07:00');
    expect(moved('2026-09-06T08:00:00Z', 'America/Santiago', midnight)).toBe(
      '2026-09-06T03:59:00.000Z',
    );
  });

  it('handles a window that does not wrap midnight', () => {
    const lunch = parseQuietHours('13:00-14:00');
    expect(moved('2026-06-10T12:30:00Z', 'Europe/London', lunch)).toBe('2026-06-10T12:00:00.000Z');
    expect(moved('2026-06-10T13:30:00Z', 'Europe/London', lunch)).toBe('2026-06-10T13:30:00.000Z');
  });

  it('leaves everything alone without quiet hours', () => {
    expect(moved('2026-01-15T03:00:00Z', 'Europe/London', null)).toBe('2026-01-15T03:00:00.000Z');
  });

  it('skips a reminder whose allowed moment has already passed', () => {
    const due = utc('2026-01-15T06:30:00Z');
    const event = utc('2026-01-15T07:30:00Z');
    // Booked at 22:00: the last allowed moment (21:00) is gone.
    expect(reminderTime(due, event, utc('2026-01-14T22:00:00Z'), 'Europe/London', NIGHT)).toBe(
      null,
    );
    expect(reminderTime(due, event, utc('2026-01-14T21:00:00Z'), 'Europe/London', NIGHT)).toBe(
      null,
    );
    expect(reminderTime(due, event, utc('2026-01-14T20:59:00Z'), 'Europe/London', NIGHT)).toEqual(
      utc('2026-01-14T21:00:00Z'),
    );
  });

  it('never sends at or after the event, nor in the past', () => {
    const event = utc('2026-01-15T12:00:00Z');
    const now = utc('2026-01-15T10:00:00Z');
    expect(reminderTime(event, event, now, 'Europe/London', NIGHT)).toBeNull();
    expect(reminderTime(utc('2026-01-15T13:00:00Z'), event, now, 'Europe/London', NIGHT)).toBe(
      null,
    );
    expect(reminderTime(utc('2026-01-15T09:00:00Z'), event, now, 'Europe/London', NIGHT)).toBe(
      null,
    );
  });

  describe('around every DST change of 2026, every 10 minutes', () => {
    const transitions: Array<[string, string]> = [
      ['Europe/London', '2026-03-29'],
      ['Europe/London', '2026-10-25'],
      ['Europe/Athens', '2026-03-29'],
      ['America/New_York', '2026-03-08'],
      ['America/New_York', '2026-11-01'],
      ['Australia/Sydney', '2026-04-05'],
      ['Australia/Sydney', '2026-10-04'],
      ['America/Santiago', '2026-09-06'],
      ['America/Santiago', '2026-04-05'],
    ];
    const windows = ['21:00-08:00', '00:30-07:00', '01:30-06:00', '23:00-00:00', '13:00-14:00'];

    it.each(transitions)(
      '%s on %s: moved reminders are earlier, allowed and outside quiet',
      (zone, day) => {
        const start = DateTime.fromISO(day, { zone }).minus({ days: 1 }).toMillis();
        const problems: string[] = [];
        let movedCount = 0;
        for (const text of windows) {
          const quiet = parseQuietHours(text) as QuietHours;
          const windowMs = (((quiet.end - quiet.start + 1440) % 1440) + 60) * 60_000;
          for (let t = start; t < start + 3 * 86_400_000; t += 600_000) {
            const result = reminderTime(new Date(t), FAR_AWAY, LONG_AGO, zone, quiet);
            const at = result ? DateTime.fromJSDate(result, { zone }) : null;
            const wall = at ? at.hour * 60 + at.minute + at.second / 60 : NaN;
            const quietThen =
              quiet.start > quiet.end
                ? wall > quiet.start || wall < quiet.end
                : wall > quiet.start && wall < quiet.end;
            const ms = result?.getTime() ?? NaN;
            if (ms !== t) movedCount++;
            if (!result || quietThen || ms > t || t - ms > windowMs) {
              problems.push(`${text} ${new Date(t).toISOString()} -> ${result?.toISOString()}`);
            }
          }
        }
        expect(problems).toEqual([]);
        expect(movedCount).toBeGreaterThan(0);
      },
    );
  });
});

describe('noticeTime', () => {
  it('sends at once outside quiet hours', () => {
    expect(noticeTime(utc('2026-01-14T10:00:00Z'), 'Europe/London', NIGHT)).toEqual(
      utc('2026-01-14T10:00:00Z'),
    );
  });

  it('waits for the morning inside them, in the recipient zone', () => {
    expect(noticeTime(utc('2026-01-14T23:00:00Z'), 'Europe/London', NIGHT)).toEqual(
      utc('2026-01-15T08:00:00Z'),
    );
    expect(noticeTime(utc('2026-01-15T03:00:00Z'), 'Europe/London', NIGHT)).toEqual(
      utc('2026-01-15T08:00:00Z'),
    );
    expect(noticeTime(utc('2026-01-14T20:00:00Z'), 'Europe/Athens', NIGHT)).toEqual(
      utc('2026-01-15T06:00:00Z'),
    );
  });

  it('wakes at 08:00 in the new offset after a spring-forward night', () => {
    expect(noticeTime(utc('2026-03-28T23:00:00Z'), 'Europe/London', NIGHT)).toEqual(
      utc('2026-03-29T07:00:00Z'),
    );
  });

  it('wakes at the jump when the end of quiet hours is skipped', () => {
    const quiet = parseQuietHours('23:00-01:30');
    expect(noticeTime(utc('2026-03-28T23:30:00Z'), 'Europe/London', quiet)).toEqual(
      utc('2026-03-29T01:00:00Z'),
    );
  });

  it('sends at once without quiet hours', () => {
    expect(noticeTime(utc('2026-01-15T03:00:00Z'), 'Europe/London', null)).toEqual(
      utc('2026-01-15T03:00:00Z'),
    );
  });
});
