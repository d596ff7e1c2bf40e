import { DateTime } from 'luxon';

export type Cadence = 'weekly' | 'fortnightly';

/**
 * A recurring call, held as the volunteer's wall-clock time in their IANA zone. Each occurrence is
 * computed per local date, so it stays at `localTime` through DST changes while its UTC instant
 * moves. A local time that does not exist on a spring-forward day moves forward by the gap; an
 * ambiguous one on the autumn day takes Luxon's choice (one instant, never two).
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

const localInstant = (date: DateTime, localTime: string, zone: string): DateTime => {
  const [hour, minute] = localTime.split(':').map(Number);
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour, minute },
    { zone },
  );
};

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
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  let date = today.plus({ days: (weekday - today.weekday + 7) % 7 });
  if (localInstant(date, localTime, timezone).toMillis() <= now.getTime()) {
    date = date.plus({ days: 7 });
  }
  return date.toISODate()!;
}

/** Every call of the plan whose instant lies in [from, to), in order. */
export function occurrences(plan: CallPlan, range: { from: Date; to: Date }): Date[] {
  const step = cadenceDays(plan.cadence);
  const zone = plan.timezone;
  const anchor = DateTime.fromISO(plan.anchorOn, { zone });
  // Start a step before the range's first local date: a zone's offset can shift an instant by a day.
  const fromDate = DateTime.fromJSDate(range.from, { zone }).startOf('day');
  const skipped = Math.max(0, Math.floor(fromDate.diff(anchor, 'days').days / step) - 1);
  const out: Date[] = [];
  for (let k = skipped; ; k++) {
    const date = anchor.plus({ days: k * step });
    if (plan.endsOn && date.toISODate()! > plan.endsOn) break;
    const at = localInstant(date, plan.localTime, zone).toJSDate();
    if (at.getTime() >= range.to.getTime()) break;
    if (at.getTime() >= range.from.getTime()) out.push(at);
  }
  return out;
}

/** How a person sees an instant in their zone. */
export interface LocalTime {
  timezone: string;
  /** ISO 8601 with the zone's offset at that instant. */
  startsAt: string;
  date: string;
  time: string;
  weekday: number;
}

export function inZone(at: Date, timezone: string): LocalTime {
  const local = DateTime.fromJSDate(at, { zone: timezone });
  return {
    timezone,
    startsAt: local.toISO({ suppressMilliseconds: true })!,
    date: local.toISODate()!,
    time: local.toFormat('HH:mm'),
    weekday: local.weekday,
  };
}

/** The local date `weeks` weeks after `date` (YYYY-MM-DD). */
export const weeksAfter = (date: string, weeks: number): string =>
  DateTime.fromISO(date, { zone: 'UTC' }).plus({ weeks }).toISODate()!;

/** Today's local date in a zone. */
export const localToday = (now: Date, timezone: string): string =>
  DateTime.fromJSDate(now, { zone: timezone }).toISODate()!;
