import { isLocalDate, rule } from '../../common/validators';
import { isLanguageCode } from '../languages';

/** Every item is an ISO 639-1 two-letter code in lower case (en, fr, ar, ...). */
export const AreLanguageCodes = () =>
  rule(
    'areLanguageCodes',
    (p) => `${p} must hold ISO 639-1 language codes such as en, fr or ar`,
    (value) => Array.isArray(value) && value.every(isLanguageCode),
  );

/** A date on or after the date in `other` (both YYYY-MM-DD). */
export const IsOnOrAfter = (other: string) =>
  rule(
    'isOnOrAfter',
    (p) => `${p} must be on or after ${other}`,
    (value, args) => {
      const start = (args.object as Record<string, unknown>)[other];
      return !isLocalDate(value) || !isLocalDate(start) || value >= start;
    },
  );

/** Periods `{startsOn, endsOn}` of which no two share a day. */
export const NoOverlappingPeriods = () =>
  rule(
    'noOverlappingPeriods',
    (p) => `${p} must not overlap one another`,
    (value) => {
      if (!Array.isArray(value)) return true;
      const periods = (value as Array<{ startsOn?: unknown; endsOn?: unknown }>)
        .filter((d) => isLocalDate(d?.startsOn) && isLocalDate(d?.endsOn))
        .map((d) => ({ start: d.startsOn as string, end: d.endsOn as string }))
        .sort((a, b) => a.start.localeCompare(b.start));
      return periods.every((p, i) => i === 0 || p.start > periods[i - 1].end);
    },
  );

/** The field may only be given when `field` of the same object equals `expected`. */
export const OnlyWhen = (field: string, expected: string) =>
  rule(
    'onlyWhen',
    (p) => `${p} is only accepted when ${field} is ${expected}`,
    (_value, args) => (args.object as Record<string, unknown>)[field] === expected,
  );

/**
 * Membership numbers of the BACP and the UKCP. Neither body publishes a format; both issue plain
 * numbers (BACP membership numbers run to 6-7 digits, UKCP registration numbers to 10), so we
 * accept 4 to 10 digits and nothing else. The database CHECK uses the same pattern.
 */
export const MEMBERSHIP_NUMBER = /^\d{4,10}$/;
