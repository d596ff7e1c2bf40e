import { IANAZone } from 'luxon';

/**
 * The service's one model of wall-clock time. Local times are minutes after local midnight
 * (`09:30` = 570, the end of the day `24:00` = 1440); local dates are day numbers counted from
 * 1970-01-01 (or `YYYY-MM-DD` strings at the edges), so iterating dates never touches a time zone.
 * Only `resolveLocal` turns a wall-clock reading into an instant, with ONE rule for clock changes:
 *
 * - **Skipped hour (spring, clocks go forward):** a wall time in the gap resolves to the instant
 *   the clocks resume: 01:30 on 28 March 2027 in Europe/London (clocks jump from 01:00 GMT to
 *   02:00 BST) resolves to 01:00Z, which the clocks show as 02:00 BST.
 * - **Repeated hour (autumn, clocks go back):** a repeated wall time resolves to its first
 *   occurrence (as TC39 Temporal's and java.time's defaults do).
 *
 * Read as "every instant whose wall clock lies in [start, end)", a window keeps its existing part
 * on the spring day (01:30-03:00 Europe/London is 02:00-03:00 BST in UTC terms); callers that need
 * to know (slots offer no start in the gap; quiet hours end at the latest allowed moment) look at
 * the `resolution`. Offsets come from the tz database via Luxon.
 */
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** A known IANA zone; throws on an unknown name (DTOs check names with `IsIanaZone`). */
export function zoneNamed(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`Unknown time zone ${name}`);
  return zone;
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

/** The local date `days` days after `date` (both `YYYY-MM-DD`; `days` may be negative). */
export const addDays = (date: string, days: number): string => isoDate(dayNumber(date) + days);

/** ISO weekday (1 = Monday) of a local date `YYYY-MM-DD`. */
export const weekdayOf = (date: string): number => isoWeekday(dayNumber(date));

export type Resolution =
  /** The wall-clock time happens exactly once. */
  | 'exact'
  /** It happens twice (the repeated hour when clocks go back): the first occurrence is used. */
  | 'ambiguous'
  /** It never happens (the hour skipped when clocks go forward): the instant the clocks resume. */
  | 'skipped';

/**
 * The instant (ms since epoch) at which the clocks in `zone` show `minute` on local `day`
 * (minute 1440 is the next midnight), by the module's one rule: a repeated time gives its first
 * occurrence, a skipped time the instant the clocks resume.
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

/** `resolveLocal` for a zone name and a `YYYY-MM-DD` date, as a Date. */
export const atLocal = (zoneName: string, date: string, minute: number): Date =>
  new Date(resolveLocal(zoneNamed(zoneName), dayNumber(date), minute).instant);

/**
 * The first whole minute in (after, upTo] whose UTC offset differs from the one at `after`: the
 * instant a zone's clocks change, found by bisection (the tz database gives offsets, not changes).
 */
export function transitionBetween(zone: IANAZone, after: number, upTo: number): number {
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
 * every minute is arithmetic. Days near a change resolve every minute on its own.
 */
export function dayClock(zone: IANAZone, day: number): DayClock {
  const midnight = day * MS_PER_DAY;
  // offsetAt is zone.offset from a per-day cache: slot search asks this of every day of every
  // therapist, and Intl behind zone.offset was a third of the matches page's CPU.
  const offset = offsetAt(zone, midnight - 14 * 60 * MS_PER_MINUTE);
  const steady = offset === offsetAt(zone, midnight + MS_PER_DAY + 12 * 60 * MS_PER_MINUTE);
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

/** Per zone, per UTC day: the day's one offset, or null when the clocks change that day. */
const steadyOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_DAYS = 20_000;

/**
 * The UTC offset in minutes of `zone` at `instant`, as `zone.offset` gives it, at the cost of a
 * map look-up on any day without a clock change: a day whose offset is the same at its first and
 * last minute has that offset throughout (clocks never change twice in a day, as `dayClock`
 * relies on too). Zoned times are made by the hundred per page of slots; the tz look-up behind
 * `zone.offset` (Intl's formatToParts) is the whole of their cost.
 */
export function offsetAt(zone: IANAZone, instant: number): number {
  const day = Math.floor(instant / MS_PER_DAY);
  let days = steadyOffsets.get(zone.name);
  if (!days) steadyOffsets.set(zone.name, (days = new Map<number, number | null>()));
  let steady = days.get(day);
  if (steady === undefined) {
    const first = zone.offset(day * MS_PER_DAY);
    steady = first === zone.offset((day + 1) * MS_PER_DAY - MS_PER_MINUTE) ? first : null;
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(day, steady);
  }
  return steady ?? zone.offset(instant);
}

/**
 * What the clocks in `zone` show at `instant`: the local day, the whole minute after local
 * midnight, and the milliseconds after local midnight.
 */
export function wallClockAt(
  zone: IANAZone,
  instant: number,
): { day: number; minute: number; ms: number } {
  const wall = instant + offsetAt(zone, instant) * MS_PER_MINUTE;
  const day = Math.floor(wall / MS_PER_DAY);
  const ms = wall - day * MS_PER_DAY;
  return { day, minute: Math.floor(ms / MS_PER_MINUTE), ms };
}

/** Today's local date `YYYY-MM-DD` in the IANA zone `zoneName`. */
export const localToday = (now: Date, zoneName: string): string =>
  isoDate(wallClockAt(zoneNamed(zoneName), now.getTime()).day);

/** The first day (`YYYY-MM-01`) of the local calendar month at `at` in `zoneName`. */
export const localMonth = (at: Date, zoneName: string): string =>
  `${localToday(at, zoneName).slice(0, 8)}01`;

/**
 * The local calendar months of `zoneName` that [from, to] touches, ascending, each with the instant
 * it begins (its first local midnight, by `resolveLocal`). One offset look-up per month, so a caller
 * placing many instants in their months compares numbers instead of converting each instant.
 */
export function monthStarts(
  zoneName: string,
  from: Date,
  to: Date,
): Array<{ month: string; start: number }> {
  const zone = zoneNamed(zoneName);
  const last = localMonth(to, zoneName);
  const months: Array<{ month: string; start: number }> = [];
  for (let m = localMonth(from, zoneName); m <= last; m = addMonths(m, 1)) {
    months.push({ month: m, start: resolveLocal(zone, dayNumber(m), 0).instant });
  }
  return months;
}

/** The first day of the month `months` after the month of `date` (`YYYY-MM-DD`). */
export function addMonths(date: string, months: number): string {
  const [y, m] = date.split('-').map(Number);
  return isoDate(Date.UTC(y, m - 1 + months, 1) / MS_PER_DAY);
}
