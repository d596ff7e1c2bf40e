import { Interval, mergeIntervals, Range } from './interval';
import { dayClock, isoWeekday, wallClockAt, zoneNamed } from './wall-clock';

/**
 * Wall-clock windows. Inside the service a local time is minutes after local midnight
 * (0 <= start < end <= 1440, `24:00` = 1440); `HH:mm` text exists only at the edges (DTOs, views,
 * configuration, jsonb and `time` columns), converted with `parseLocalTime` / `formatLocalTime`.
 */
export interface LocalWindow {
  start: number;
  end: number;
}

/** A window that recurs every week on an ISO weekday (1 = Monday ... 7 = Sunday). */
export interface WeeklyWindow extends LocalWindow {
  weekday: number;
}

/** `HH:mm` from 00:00 to 23:59. */
export const LOCAL_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** As LOCAL_TIME, plus `24:00` for a window that runs to the end of the day. */
export const LOCAL_END_TIME = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Minutes after midnight of `HH:mm` or PostgreSQL's `HH:mm:ss`. */
export function parseLocalTime(value: string): number {
  const [hours, minutes] = value.split(':').map(Number);
  return hours * 60 + minutes;
}

export function formatLocalTime(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** A weekly window written with `HH:mm` bounds, as requests and views carry it. */
export interface WeeklyWindowText {
  weekday: number;
  start: string;
  end: string;
}

export const weeklyWindowFromText = (w: WeeklyWindowText): WeeklyWindow => ({
  weekday: w.weekday,
  start: parseLocalTime(w.start),
  end: parseLocalTime(w.end),
});

export const weeklyWindowToText = (w: WeeklyWindow): WeeklyWindowText => ({
  weekday: w.weekday,
  start: formatLocalTime(w.start),
  end: formatLocalTime(w.end),
});

/**
 * Concrete UTC intervals of weekly windows over a range, expanded per local date in the zone (so a
 * window at 18:00-20:00 Europe/Athens is 16:00Z before 28 March 2027 and 15:00Z after), with the
 * module's rule for clock changes, clipped to the range, touching ones joined, sorted.
 */
export function expandWeekly(
  windows: readonly WeeklyWindow[],
  zoneName: string,
  range: Range,
): Interval[] {
  const zone = zoneNamed(zoneName);
  const from = range.from.getTime();
  const to = range.to.getTime();
  const out: Interval[] = [];
  const last = wallClockAt(zone, to).day;
  for (let day = wallClockAt(zone, from).day - 1; day <= last; day++) {
    const own = windows.filter((w) => w.weekday === isoWeekday(day));
    if (own.length === 0) continue;
    const clock = dayClock(zone, day);
    for (const w of own) {
      const start = Math.max(clock.at(w.start).instant, from);
      const end = Math.min(clock.at(w.end).instant, to);
      if (end > start) out.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return mergeIntervals(out);
}
