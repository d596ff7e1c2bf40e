import { DateTime } from 'luxon';
import type { LocalDate } from './people.types';

/** The calendar date at `at` in the IANA zone `zone`. */
export const localDate = (at: Date, zone: string): LocalDate =>
  DateTime.fromJSDate(at, { zone }).toISODate() ?? at.toISOString().slice(0, 10);
