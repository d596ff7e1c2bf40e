import { DateTime } from 'luxon';
import { ValidationFailedException } from '../common/problem';
import { Range } from '../common/time/interval';
import { addDays, atLocal, isCalendarDate } from '../common/time/wall-clock';
import { zonedTime } from '../common/time/zoned-time.view';
import { SlotView } from './slots.view';

export const MAX_RANGE_DAYS = 60;

const startOf = (value: string, tz: string): Date =>
  isCalendarDate(value) ? atLocal(tz, value, 0) : new Date(value);

/**
 * The search range of a slot query. Dates are whole local dates in `tz` (`to` included); instants
 * are taken as given (`to` excluded). 400 naming `to` if it is before `from` or more than 60
 * calendar days after it.
 */
export function parseSlotRange(from: string, to: string, tz: string): Range {
  const start = startOf(from, tz);
  const toStart = startOf(to, tz);
  if (toStart < start) {
    throw new ValidationFailedException([{ field: 'to', message: 'to must not be before from' }]);
  }
  const end = isCalendarDate(to) ? atLocal(tz, addDays(to, 1), 0) : toStart;
  const inZone = (at: Date) => DateTime.fromJSDate(at, { zone: tz });
  if (inZone(end).diff(inZone(start), 'days').days > MAX_RANGE_DAYS) {
    throw new ValidationFailedException([
      { field: 'to', message: `to must be at most ${MAX_RANGE_DAYS} days after from` },
    ]);
  }
  return { from: start, to: end };
}

/** A slot in UTC and in the requested zone. */
export const toSlotView = (startsAt: Date, sessionMinutes: number, tz: string): SlotView => ({
  startsAt: zonedTime(startsAt, tz),
  endsAt: zonedTime(new Date(startsAt.getTime() + sessionMinutes * 60_000), tz),
});
