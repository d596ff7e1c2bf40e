import { offsetAt, zoneNamed } from './wall-clock';

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

const MS_PER_MINUTE = 60_000;
const two = (n: number) => String(n).padStart(2, '0');

/** `+02:00`, `-03:30`, `+00:00`: the offset of a wall clock from UTC, in minutes. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/**
 * `local` is the UTC ISO string of the shifted instant with its offset in place of the `Z`, and
 * no milliseconds when they are zero: a cached offset and string slicing, where a Luxon
 * DateTime per time cost ~25 µs (pages of slots and matches make hundreds).
 */
export function zonedTime(at: Date, timezone: string): ZonedTimeView {
  const instant = at.getTime();
  const offset = offsetAt(zoneNamed(timezone), instant);
  const shifted = new Date(instant + offset * MS_PER_MINUTE).toISOString();
  const wall = shifted.endsWith('.000Z') ? shifted.slice(0, -5) : shifted.slice(0, -1);
  return { utc: at.toISOString(), local: `${wall}${offsetText(offset)}`, timezone };
}
