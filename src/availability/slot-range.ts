import { DateTime } from 'luxon';
import { ValidationFailedException } from '../common/problem';
import { isCalendarDate } from './local-time';
import { Range } from './slots';
import { SlotView } from './dto/slots.dto';

export const MAX_RANGE_DAYS = 60;

const startOf = (value: string, tz: string) =>
  isCalendarDate(value)
    ? DateTime.fromISO(value, { zone: tz }).startOf('day')
    : DateTime.fromISO(value, { setZone: true }).setZone(tz);

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
  const end = isCalendarDate(to) ? toStart.plus({ days: 1 }).startOf('day') : toStart;
  if (end.diff(start, 'days').days > MAX_RANGE_DAYS) {
    throw new ValidationFailedException([
      { field: 'to', message: `to must be at most ${MAX_RANGE_DAYS} days after from` },
    ]);
  }
  return { from: start.toJSDate(), to: end.toJSDate() };
}

/** A slot in UTC and in the requested zone. */
export function toSlotView(startsAt: Date, sessionMinutes: number, tz: string): SlotView {
  const start = DateTime.fromJSDate(startsAt, { zone: tz });
  const end = start.plus({ minutes: sessionMinutes });
  return {
    startsAt: startsAt.toISOString(),
    endsAt: end.toUTC().toISO()!,
    localStartsAt: start.toISO()!,
    localEndsAt: end.toISO()!,
  };
}
