import { IANAZone } from 'luxon';

/**
 * Wall-clock arithmetic without a framework: local times are minutes after local midnight
 * (`09:30` = 570, the end of the day `24:00` = 1440) and local dates are day numbers counted from
 * 1970-01-01, so iterating dates never touches a time zone. Only `resolveLocal` meets one.
 */
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

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

/** `YYYY-MM-DD` to a day number; the date must be a real calendar date (checked by the DTOs). */
export function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** True for a `YYYY-MM-DD` that names a real calendar date (no 30 February). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return isoDate(dayNumber(value)) === value;
}

export type Resolution =
  /** The wall-clock time happens exactly once. */
  | 'exact'
  /** It happens twice (the repeated hour when clocks go back): the earlier instant is used. */
  | 'ambiguous'
  /** It never happens (the hour skipped when clocks go forward): the instant the clocks resume. */
  | 'skipped';

/**
 * The instant (ms since epoch) at which the clocks in `zone` show `minute` on local `day`
 * (minute 1440 is the next midnight). A repeated time gives its earlier instant (as TC39
 * Temporal and java.time do). A skipped time gives the instant the clocks jump past it, so a
 * window read as "every instant whose wall clock lies in [start, end)" keeps its existing part:
 * 01:30-03:00 on the spring day is 02:00-03:00 BST. Offsets come from the tz database via Luxon.
 */
export function resolveLocal(
  zone: IANAZone,
  day: number,
  minute: number,
): { instant: number; resolution: Resolution } {
  const wall = day * MS_PER_DAY + minute * MS_PER_MINUTE;
  const offsetBefore = zone.offset(wall - MS_PER_DAY);
  const offsetAfter = zone.offset(wall + MS_PER_DAY);
  const early = wall - offsetBefore * MS_PER_MINUTE;
  const late = wall - offsetAfter * MS_PER_MINUTE;
  const earlyHolds = zone.offset(early) === offsetBefore;
  const lateHolds = zone.offset(late) === offsetAfter;
  if (earlyHolds && lateHolds && early !== late) {
    return { instant: Math.min(early, late), resolution: 'ambiguous' };
  }
  if (earlyHolds) return { instant: early, resolution: 'exact' };
  if (lateHolds) return { instant: late, resolution: 'exact' };
  return { instant: transitionBetween(zone, late, early), resolution: 'skipped' };
}

/** The first minute in (after, upTo] whose offset differs from the one at `after`. */
function transitionBetween(zone: IANAZone, after: number, upTo: number): number {
  const before = zone.offset(after);
  let lo = after;
  let hi = upTo;
  while (hi - lo > MS_PER_MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MS_PER_MINUTE) * MS_PER_MINUTE;
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

export interface DayClock {
  /** True when the whole local day has one UTC offset (every day but those near a clock change). */
  steady: boolean;
  /** The instant of a wall-clock minute of this day; 1440 is the next midnight. */
  at(minute: number): { instant: number; resolution: Resolution };
}

/**
 * The wall clock of one local day. Cheap on ordinary days: two offset look-ups cover the day
 * (UTC offsets lie within -12h..+14h, and clocks never change twice in ~50 hours), after which
 * every minute is arithmetic. Days near a change look every minute up on its own.
 */
export function dayClock(zone: IANAZone, day: number): DayClock {
  const midnight = day * MS_PER_DAY;
  const offset = zone.offset(midnight - 14 * 60 * MS_PER_MINUTE);
  const steady = offset === zone.offset(midnight + MS_PER_DAY + 12 * 60 * MS_PER_MINUTE);
  return steady
    ? {
        steady,
        at: (minute) => ({
          instant: midnight + (minute - offset) * MS_PER_MINUTE,
          resolution: 'exact',
        }),
      }
    : { steady, at: (minute) => resolveLocal(zone, day, minute) };
}

/** The local day and minute that the clocks in `zone` show at `instant`. */
export function localDayAndMinute(
  zone: IANAZone,
  instant: number,
): { day: number; minute: number } {
  const wall = instant + zone.offset(instant) * MS_PER_MINUTE;
  const day = Math.floor(wall / MS_PER_DAY);
  return { day, minute: Math.floor((wall - day * MS_PER_DAY) / MS_PER_MINUTE) };
}
