/** A stretch of time [start, end) between two instants. */
export interface Interval {
  start: Date;
  end: Date;
}

/** A search range of instants [from, to). */
export interface Range {
  from: Date;
  to: Date;
}

/** Sorted, with touching or overlapping intervals joined. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
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
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
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

export const minutesOf = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()) / 60_000, 0);

/** True when some interval overlaps [start, end) (instants in ms). */
export const overlapsAny = (intervals: readonly Interval[], start: number, end: number): boolean =>
  intervals.some((b) => b.start.getTime() < end && b.end.getTime() > start);
