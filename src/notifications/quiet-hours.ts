import { IANAZone } from 'luxon';
import { resolveLocal, wallClockAt, zoneNamed } from '../common/time/wall-clock';
import { LOCAL_TIME, parseLocalTime } from '../common/time/weekly-window';

/**
 * A nightly window, in wall-clock minutes after local midnight, when reminders are not sent.
 * `start` itself is still allowed (the last allowed moment); `end` is allowed again. A window
 * may wrap midnight (21:00-08:00) or not (13:00-14:00). Wall-clock times resolve by the rule of
 * common/time/wall-clock.ts.
 */
export interface QuietHours {
  start: number;
  end: number;
}

/** Parses `HH:mm-HH:mm`; `off` (or an empty window) means no quiet hours. */
export function parseQuietHours(text: string): QuietHours | null {
  if (text.trim().toLowerCase() === 'off') return null;
  const [from, to] = text.split('-').map((s) => s.trim());
  if (!LOCAL_TIME.test(from ?? '') || !LOCAL_TIME.test(to ?? '')) {
    throw new Error(`Quiet hours must look like 21:00-08:00 or off: ${text}`);
  }
  const start = parseLocalTime(from);
  const end = parseLocalTime(to);
  return start === end ? null : { start, end };
}

const MINUTE = 60_000;

function isQuiet(wallMs: number, quiet: QuietHours): boolean {
  const s = quiet.start * MINUTE;
  const e = quiet.end * MINUTE;
  return s > e ? wallMs > s || wallMs < e : wallMs > s && wallMs < e;
}

/**
 * The last instant on local `day` whose wall clock shows `minute` or earlier: the instant the
 * clock reads exactly that (the first, when the autumn change repeats it); when the spring change
 * skips that reading, the last whole minute before the clocks jump.
 */
function lastMomentAtOrBefore(zone: IANAZone, day: number, minute: number): number {
  const { instant, resolution } = resolveLocal(zone, day, minute);
  return resolution === 'skipped' ? instant - MINUTE : instant;
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
    const zone = zoneNamed(zoneName);
    const wall = wallClockAt(zone, at);
    if (isQuiet(wall.ms, quiet)) {
      const startedYesterday = quiet.start > quiet.end && wall.ms < quiet.start * MINUTE;
      at = lastMomentAtOrBefore(zone, wall.day - (startedYesterday ? 1 : 0), quiet.start);
    }
  }
  return at > now.getTime() ? new Date(at) : null;
}

/**
 * When a notice that is not urgent should go out: `now` outside quiet hours, else the moment they
 * end: the first instant the local clock reads `end` or later, which is how the one rule resolves
 * `end` (its first occurrence, or the instant the clocks resume after skipping it).
 */
export function noticeTime(now: Date, zoneName: string, quiet: QuietHours | null): Date {
  if (!quiet) return now;
  const zone = zoneNamed(zoneName);
  const wall = wallClockAt(zone, now.getTime());
  if (!isQuiet(wall.ms, quiet)) return now;
  const endsTomorrow = quiet.start > quiet.end && wall.ms > quiet.start * MINUTE;
  return new Date(resolveLocal(zone, wall.day + (endsTomorrow ? 1 : 0), quiet.end).instant);
}
