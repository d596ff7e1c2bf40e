import { DateTime } from 'luxon';

/**
 * The one response shape for a time people attend or are reminded of (a session, a slot, a call,
 * a reminder): the instant in UTC and as the clocks in a named zone show it. Record timestamps
 * (createdAt, cancelledAt, sentAt...) stay plain UTC ISO strings.
 */
export class ZonedTimeView {
  /** ISO 8601 in UTC, e.g. `2027-03-20T16:00:00.000Z`. */
  utc!: string;
  /** The same instant in `timezone`, ISO 8601 with its offset, e.g. `2027-03-20T18:00:00+02:00`. */
  local!: string;
  /** The IANA zone of `local`. */
  timezone!: string;
}

export const zonedTime = (at: Date, timezone: string): ZonedTimeView => ({
  utc: at.toISOString(),
  local: DateTime.fromJSDate(at, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '',
  timezone,
});
