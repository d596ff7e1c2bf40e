import { Range } from '../common/time/interval';
import { addDays, atLocal, dayNumber, localToday, weekdayOf } from '../common/time/wall-clock';
import { parseLocalTime } from '../common/time/weekly-window';

export type Cadence = 'weekly' | 'fortnightly';

/**
 * A recurring call, held as the volunteer's wall-clock time in their IANA zone. Each occurrence is
 * computed per local date, so it stays at `localTime` through DST changes while its UTC instant
 * moves. A local time that does not exist on a spring-forward day, or happens twice on the autumn
 * day, resolves by the rule of common/time/wall-clock.ts: the instant the clocks resume, or the
 * first occurrence (one instant, never two).
 */
export interface CallPlan {
  cadence: Cadence;
  /** ISO weekday, 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** HH:mm, wall clock in `timezone`. */
  localTime: string;
  timezone: string;
  /** Local date (YYYY-MM-DD) of the plan's first call; fortnightly parity counts from it. */
  anchorOn: string;
  /** Last local date (YYYY-MM-DD) a call may fall on; null when open-ended. */
  endsOn: string | null;
}

export const cadenceDays = (cadence: Cadence): number => (cadence === 'weekly' ? 7 : 14);

/**
 * The local date of the first call at `weekday` + `localTime` that starts strictly after `now`
 * (today counts when the time has not passed yet).
 */
export function firstCallDate(
  now: Date,
  weekday: number,
  localTime: string,
  timezone: string,
): string {
  const today = localToday(now, timezone);
  const date = addDays(today, (weekday - weekdayOf(today) + 7) % 7);
  const at = atLocal(timezone, date, parseLocalTime(localTime));
  return at.getTime() <= now.getTime() ? addDays(date, 7) : date;
}

/** Every call of the plan whose instant lies in [from, to), in order. */
export function occurrences(plan: CallPlan, range: Range): Date[] {
  const step = cadenceDays(plan.cadence);
  const minute = parseLocalTime(plan.localTime);
  // Start a step before the range's first local date: a zone's offset can shift an instant by a day.
  const fromDay = dayNumber(localToday(range.from, plan.timezone));
  const skipped = Math.max(0, Math.floor((fromDay - dayNumber(plan.anchorOn)) / step) - 1);
  const out: Date[] = [];
  for (let k = skipped; ; k++) {
    const date = addDays(plan.anchorOn, k * step);
    if (plan.endsOn && date > plan.endsOn) break;
    const at = atLocal(plan.timezone, date, minute);
    if (at.getTime() >= range.to.getTime()) break;
    if (at.getTime() >= range.from.getTime()) out.push(at);
  }
  return out;
}
