import { IANAZone } from 'luxon';
import { Interval, overlapsAny, Range } from '../common/time/interval';
import {
  DayClock,
  dayClock,
  isoDate,
  isoWeekday,
  resolveLocal,
  wallClockAt,
  zoneNamed,
} from '../common/time/wall-clock';
import { LocalWindow, WeeklyWindow } from '../common/time/weekly-window';

/**
 * Slot maths: a pure function of (rules, exceptions, profile, range, now, busy). No Nest, no
 * database; every DST rule of the service is proved in slots.spec.ts.
 *
 * - Availability is wall-clock windows in an IANA zone, expanded date by date ("09:00" on each
 *   local date is looked up in the tz database for that date), never with a fixed offset.
 * - A date exception replaces that date's weekly windows; one with no windows closes the date.
 * - Windows that touch (12:00-14:00 and 14:00-17:00, or 20:00-24:00 and the next day's
 *   00:00-02:00) form one stretch: a session may run across the join.
 * - A slot starts on the grid of the therapist's wall clock (every `gridMinutes` after local
 *   midnight). Wall-clock times resolve by the rule of common/time/wall-clock.ts; a time that is
 *   skipped when clocks go forward is no slot; one repeated when clocks go back is offered once,
 *   at its first occurrence.
 * - A slot fits `sessionMinutes` inside one stretch, starts at least `minimumNoticeHours` (elapsed
 *   hours) after now, and overlaps no busy interval (busy intervals already include the buffer).
 */

export interface Availability {
  timezone: string;
  weekly: readonly WeeklyWindow[];
  /** By local date `YYYY-MM-DD`; an empty list closes the date. */
  exceptions: ReadonlyMap<string, readonly LocalWindow[]>;
}

export interface SessionRules {
  sessionMinutes: number;
  minimumNoticeHours: number;
  gridMinutes: number;
}

export type Unbookable = 'outside-availability' | 'off-grid' | 'too-short-notice' | 'busy';

const MINUTE = 60_000;
const HOUR = 3_600_000;

interface Span {
  start: number;
  end: number;
}

/** One local date's windows, made concrete, with the date they belong to. */
interface DayWindow extends LocalWindow {
  clock: DayClock;
  at: Span;
}

function windowsOn(av: Availability, day: number): readonly LocalWindow[] {
  return av.exceptions.get(isoDate(day)) ?? av.weekly.filter((w) => w.weekday === isoWeekday(day));
}

function concreteWindows(av: Availability, zone: IANAZone, fromDay: number, toDay: number) {
  const windows: DayWindow[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const own = windowsOn(av, day);
    if (own.length === 0) continue;
    const clock = dayClock(zone, day);
    for (const w of own) {
      const start = clock.at(w.start).instant;
      const end = clock.at(w.end).instant;
      // A window wholly inside the skipped hour (01:00-02:00 on the spring day) is empty.
      if (end > start) windows.push({ start: w.start, end: w.end, clock, at: { start, end } });
    }
  }
  return windows.sort((a, b) => a.at.start - b.at.start);
}

/** Union of the windows: touching or overlapping spans become one. */
function stretches(windows: readonly DayWindow[]): Span[] {
  const merged: Span[] = [];
  for (const { at } of windows) {
    const last = merged.at(-1);
    if (last && at.start <= last.end) last.end = Math.max(last.end, at.end);
    else merged.push({ ...at });
  }
  return merged;
}

/** Local days whose windows can hold an instant in [from, to], plus one for sessions past midnight. */
function daysFor(zone: IANAZone, from: number, to: number): [number, number] {
  return [wallClockAt(zone, from).day - 1, wallClockAt(zone, to).day + 1];
}

const zoneOf = (av: Availability): IANAZone => zoneNamed(av.timezone);

/** The grid start times inside one window, in order, each at most once. */
function gridStarts(w: DayWindow, grid: number): number[] {
  const starts: number[] = [];
  for (let minute = Math.ceil(w.start / grid) * grid; minute < w.end; minute += grid) {
    const { instant, resolution } = w.clock.at(minute);
    if (resolution !== 'skipped') starts.push(instant);
  }
  return starts;
}

function stretchAround(spans: readonly Span[], instant: number): Span | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= instant) lo = mid + 1;
    else if (spans[mid].start > instant) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/** Concrete availability in UTC, windows that touch joined, clipped to [from, to). */
export function availabilityIntervals(av: Availability, range: Range): Interval[] {
  const zone = zoneOf(av);
  const from = range.from.getTime();
  const to = range.to.getTime();
  const [fromDay, toDay] = daysFor(zone, from, to);
  return stretches(concreteWindows(av, zone, fromDay, toDay))
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start)
    .map((s) => ({ start: new Date(s.start), end: new Date(s.end) }));
}

/** Free start times in [from, to), ascending, each once. */
export function freeStarts(
  av: Availability,
  rules: SessionRules,
  range: Range,
  now: Date,
  busy: readonly Interval[],
): Date[] {
  const zone = zoneOf(av);
  const from = range.from.getTime();
  const to = range.to.getTime();
  const earliest = now.getTime() + rules.minimumNoticeHours * HOUR;
  const length = rules.sessionMinutes * MINUTE;
  const [fromDay, toDay] = daysFor(zone, from, to);
  const windows = concreteWindows(av, zone, fromDay, toDay);
  const spans = stretches(windows);

  const free = new Set<number>();
  for (const w of windows) {
    for (const start of gridStarts(w, rules.gridMinutes)) {
      if (start < from || start >= to || start < earliest) continue;
      const stretch = stretchAround(spans, start);
      if (!stretch || start + length > stretch.end) continue;
      if (overlapsAny(busy, start, start + length)) continue;
      free.add(start);
    }
  }
  return [...free].sort((a, b) => a - b).map((ms) => new Date(ms));
}

/**
 * Why a session starting at `startsAt` cannot be booked, or null when it can. Agrees with
 * freeStarts: null exactly for the instants freeStarts offers. Checked in the order of the codes.
 */
export function whyUnbookable(
  av: Availability,
  rules: SessionRules,
  startsAt: Date,
  now: Date,
  busy: readonly Interval[],
): Unbookable | null {
  const zone = zoneOf(av);
  const start = startsAt.getTime();
  const end = start + rules.sessionMinutes * MINUTE;
  const [fromDay, toDay] = daysFor(zone, start, end);
  const stretch = stretchAround(stretches(concreteWindows(av, zone, fromDay, toDay)), start);
  if (!stretch || end > stretch.end) return 'outside-availability';

  const local = wallClockAt(zone, start);
  const onGrid =
    start % MINUTE === 0 &&
    local.minute % rules.gridMinutes === 0 &&
    resolveLocal(zone, local.day, local.minute).instant === start;
  if (!onGrid) return 'off-grid';

  if (start < now.getTime() + rules.minimumNoticeHours * HOUR) return 'too-short-notice';
  if (overlapsAny(busy, start, end)) return 'busy';
  return null;
}
