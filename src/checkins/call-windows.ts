import { DateTime } from 'luxon';

export interface Interval {
  start: Date;
  end: Date;
}

/** A weekly window in someone's own zone: ISO weekday and HH:mm wall-clock bounds (end may be 24:00). */
export interface WeeklyWindow {
  weekday: number;
  start: string;
  end: string;
}

const at = (date: DateTime, hhmm: string, zone: string): DateTime => {
  if (hhmm === '24:00') return at(date.plus({ days: 1 }), '00:00', zone);
  const [hour, minute] = hhmm.split(':').map(Number);
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour, minute },
    { zone },
  );
};

/**
 * Concrete UTC intervals of weekly windows over a range, expanded per local date in the zone (so a
 * window at 18:00-20:00 Europe/Athens is 16:00Z before 28 March 2027 and 15:00Z after), clipped
 * to the range, sorted.
 */
export function expandWeekly(
  windows: WeeklyWindow[],
  timezone: string,
  range: { from: Date; to: Date },
): Interval[] {
  const out: Interval[] = [];
  const last = DateTime.fromJSDate(range.to, { zone: timezone }).startOf('day');
  for (
    let date = DateTime.fromJSDate(range.from, { zone: timezone })
      .startOf('day')
      .minus({ days: 1 });
    date <= last;
    date = date.plus({ days: 1 })
  ) {
    for (const w of windows.filter((x) => x.weekday === date.weekday)) {
      const start = Math.max(at(date, w.start, timezone).toMillis(), range.from.getTime());
      const end = Math.min(at(date, w.end, timezone).toMillis(), range.to.getTime());
      if (end > start) out.push({ start: new Date(start), end: new Date(end) });
    }
  }
  return mergeIntervals(out);
}

/** Sorted, with touching or overlapping intervals joined. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const prev = out.at(-1);
    if (prev && i.start.getTime() <= prev.end.getTime()) {
      if (i.end > prev.end) prev.end = i.end;
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

/** Where two sets of intervals overlap (both merged first), sorted. */
export function intersect(a: Interval[], b: Interval[]): Interval[] {
  const x = mergeIntervals(a);
  const y = mergeIntervals(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i].start.getTime(), y[j].start.getTime());
    const end = Math.min(x[i].end.getTime(), y[j].end.getTime());
    if (end > start) out.push({ start: new Date(start), end: new Date(end) });
    if (x[i].end.getTime() < y[j].end.getTime()) i++;
    else j++;
  }
  return out;
}

export const minutesOf = (intervals: Interval[]): number =>
  intervals.reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()) / 60_000, 0);
