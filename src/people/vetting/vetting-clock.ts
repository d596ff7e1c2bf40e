import type { LocalDate } from '../people.types';

/** The UTC calendar date of an instant: vetting dates are UTC days. */
export const utcDate = (at: Date): LocalDate => at.toISOString().slice(0, 10);

/** `date` moved by whole days (UTC calendar arithmetic). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return utcDate(d);
}

/** `date` moved by whole years; 29 February becomes 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return utcDate(target);
}
