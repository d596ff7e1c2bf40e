import { DateTime, IANAZone } from 'luxon';

/**
 * A nightly window, in wall-clock minutes after local midnight, when reminders are not sent.
 * `start` itself is still allowed (the last allowed moment); `end` is allowed again. A window
 * may wrap midnight (21:00-08:00) or not (13:00-14:00).
 */
export interface QuietHours {
  start: number;
  end: number;
}

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:mm-HH:mm`; `off` (or an empty window) means no quiet hours. */
export function parseQuietHours(text: string): QuietHours | null {
  if (text.trim().toLowerCase() === 'off') return null;
  const [from, to] = text.split('-').map((s) => HH_MM.exec(s.trim()));
  if (!from || !to) throw new Error(`Quiet hours must look like 21:00-08:00 or off: ${text}`);
  const start = Number(from[1]) * 60 + Number(from[2]);
  const end = Number(to[1]) * 60 + Number(to[2]);
  return start === end ? null : { start, end };
}

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;

/** Milliseconds after local midnight that the wall clock shows at `at` in `zone`. */
function wallMs(at: DateTime): number {
  return ((at.hour * 60 + at.minute) * 60 + at.second) * 1000 + at.millisecond;
}

function isQuiet(at: DateTime, quiet: QuietHours): boolean {
  const w = wallMs(at);
  const s = quiet.start * MINUTE;
  const e = quiet.end * MINUTE;
  return s > e ? w > s || w < e : w > s && w < e;
}

/**
 * The last instant on a local date whose wall clock shows `minutes` after midnight or earlier:
 * normally the instant the clock reads exactly that (the earlier one when a DST fall-back repeats
 * it); when a DST jump skips that reading, the last whole minute before the jump.
 */
function lastMomentAtOrBefore(
  zone: IANAZone,
  date: { year: number; month: number; day: number },
  minutes: number,
): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const offsets = new Set([zone.offset(naive - DAY_MS), zone.offset(naive + DAY_MS)]);
  const exact = [...offsets]
    .map((offset) => naive - offset * MINUTE)
    .filter((instant) => zone.offset(instant) * MINUTE === naive - instant);
  if (exact.length > 0) return Math.min(...exact);

  // Skipped by a jump forward: find the jump between the two readings, then step before it.
  const [a, b] = [...offsets].map((offset) => naive - offset * MINUTE).sort((x, y) => x - y);
  let lo = a;
  let hi = b;
  const before = zone.offset(lo);
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (zone.offset(mid) === before) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * When a reminder meant for `due` should go out, given quiet hours in the recipient's zone: `due`
 * itself when it is outside them; otherwise the last allowed moment before they began; `null` when
 * that moment is not after `now`, or the reminder would not come before the event.
 */
export function reminderTime(
  due: Date,
  eventStartsAt: Date,
  now: Date,
  zoneName: string,
  quiet: QuietHours | null,
): Date | null {
  if (due.getTime() >= eventStartsAt.getTime()) return null;
  let at = due.getTime();
  if (quiet) {
    const zone = IANAZone.create(zoneName);
    const local = DateTime.fromMillis(at, { zone });
    if (isQuiet(local, quiet)) {
      const startedYesterday = quiet.start > quiet.end && wallMs(local) < quiet.start * MINUTE;
      const day = startedYesterday ? local.minus({ days: 1 }) : local;
      at = lastMomentAtOrBefore(zone, day, quiet.start);
    }
  }
  return at > now.getTime() ? new Date(at) : null;
}

/**
 * When a notice that is not urgent should go out: `now` outside quiet hours, else the moment they
 * end (the first instant the local clock reads `end` or later).
 */
export function noticeTime(now: Date, zoneName: string, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const zone = IANAZone.create(zoneName);
  const local = DateTime.fromMillis(now.getTime(), { zone });
  if (!isQuiet(local, quiet)) return now;
  const endsTomorrow = quiet.start > quiet.end && wallMs(local) > quiet.start * MINUTE;
  const day = endsTomorrow ? local.plus({ days: 1 }) : local;
  // The moment the clock first reads `end`: one minute after the last moment at or before end - 1.
  return new Date(lastMomentAtOrBefore(zone, day, quiet.end - 1) + MINUTE);
}
