import { LOCAL_END_TIME, LOCAL_TIME } from '../../common/time/weekly-window';
import { isInstant, isLocalDate, rule } from '../../common/validators';

interface WindowLike {
  weekday?: unknown;
  start?: unknown;
  end?: unknown;
}

/** The first pair of windows (same weekday, if any) that overlap; touching is fine. */
export function firstOverlap(windows: unknown): string | null {
  if (!Array.isArray(windows)) return null;
  const wellFormed = (windows as WindowLike[]).filter(
    (w) =>
      (w?.weekday === undefined || typeof w.weekday === 'number') &&
      typeof w?.start === 'string' &&
      typeof w.end === 'string' &&
      LOCAL_TIME.test(w.start) &&
      LOCAL_END_TIME.test(w.end),
  ) as Array<{ weekday?: number; start: string; end: string }>;
  const sorted = [...wellFormed].sort(
    (a, b) => (a.weekday ?? 0) - (b.weekday ?? 0) || a.start.localeCompare(b.start),
  );
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (a.weekday === b.weekday && b.start < a.end) {
      const day = a.weekday === undefined ? '' : `on weekday ${a.weekday} `;
      return `${day}${a.start}-${a.end} and ${b.start}-${b.end}`;
    }
  }
  return null;
}

/** No two windows of the list (of one weekday, for weekly windows) overlap. */
export const HasNoOverlaps = () =>
  rule(
    'hasNoOverlaps',
    (p, args) => `${p} has overlapping windows ${firstOverlap(args.value)}`,
    (value) => firstOverlap(value) === null,
  );

/** A date `YYYY-MM-DD`, or an instant in ISO 8601 with `Z` or an offset. */
export const IsDateOrInstant = () =>
  rule(
    'isDateOrInstant',
    (p) =>
      `${p} must be a date YYYY-MM-DD or an ISO 8601 instant with an offset, e.g. 2027-03-22T09:00:00Z`,
    (value) => isLocalDate(value) || isInstant(value),
  );

/** Absent whenever `other` is present: the two are alternatives. */
export const NotTogetherWith = (other: string) =>
  rule(
    'notTogetherWith',
    (p) => `${p} cannot be combined with ${other}; give one of them`,
    (value, args) =>
      value === undefined || (args.object as Record<string, unknown>)[other] === undefined,
  );
