import { RuleViolationError } from './domain-error';

/**
 * The one rule for how far dates may reach, checked against the injected Clock (so tests that move
 * time move the bounds too). Formats are the DTOs' business (`IsInstant`, `IsLocalDate`); this is
 * about plausibility: a check-in moved to 9999 or a concern that happened in 1850 is a typo.
 */
export const SCHEDULE_HORIZON_YEARS = 2;
/** Clients' clocks run a little fast; a fact "just now" must not be refused for that. */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const EARLIEST_FACT_DATE = '1900-01-01';

const DAY_MS = 86_400_000;

/**
 * Every well-formed date or instant outside its span, whatever the route and whichever end it
 * misses: 422 `/problems/out-of-range`, naming the field as validation errors do.
 */
export class OutOfRangeError extends RuleViolationError {
  constructor(field: string, message: string) {
    super('out-of-range', message, { errors: [{ field, message }] });
  }
}

const horizon = (now: Date): Date => {
  const end = new Date(now);
  end.setUTCFullYear(end.getUTCFullYear() + SCHEDULE_HORIZON_YEARS);
  return end;
};

/** `YYYY-MM-DD` of an instant in UTC; local dates compare with it as strings. */
const utcDate = (at: Date): string => at.toISOString().slice(0, 10);

/** Something planned (a booking, a moved call): from now up to two years ahead. */
export function requireScheduledInstant(now: Date, field: string, at: Date): void {
  if (at.getTime() < now.getTime() || at > horizon(now)) {
    throw new OutOfRangeError(
      field,
      `${field} must lie between now and ${SCHEDULE_HORIZON_YEARS} years ahead`,
    );
  }
}

/**
 * A planned local date (an exception, the last day of calls): from today in some zone (so from
 * yesterday in UTC) up to two years ahead.
 */
export function requireScheduledDate(now: Date, field: string, date: string): void {
  const earliest = utcDate(new Date(now.getTime() - DAY_MS));
  const latest = utcDate(new Date(horizon(now).getTime() + DAY_MS));
  if (date < earliest || date > latest) {
    throw new OutOfRangeError(
      field,
      `${field} must lie between today and ${SCHEDULE_HORIZON_YEARS} years ahead`,
    );
  }
}

/** Something that has happened: since 1900, and not later than now (allowing for clock skew). */
export function requirePastInstant(now: Date, field: string, at: Date): void {
  if (utcDate(at) < EARLIEST_FACT_DATE || at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new OutOfRangeError(field, `${field} must lie between 1900 and now`);
  }
}

/** A date that may be past or planned (a deployment): since 1900, up to two years ahead. */
export function requireDateInSpan(now: Date, field: string, date: string): void {
  if (date < EARLIEST_FACT_DATE || date > utcDate(new Date(horizon(now).getTime() + DAY_MS))) {
    throw new OutOfRangeError(
      field,
      `${field} must lie between 1900-01-01 and ${SCHEDULE_HORIZON_YEARS} years ahead`,
    );
  }
}
