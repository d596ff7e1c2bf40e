/**
 * Words the API writes for people to read (match reasons, problem details): language names instead
 * of codes, durations in hours and minutes. The web app's twin is web/src/words.ts.
 */

import { DateTime } from 'luxon';

const SIX_MONTHS_MS = 183 * 24 * 3600_000;

const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/** "French (français)" for `fr`, "English" for `en`: the name in English and in the language itself. */
export function languageName(code: string): string {
  const inEnglish = english.of(code) ?? code;
  let own: string | undefined;
  try {
    own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    own = undefined;
  }
  return own && own.toLowerCase() !== inEnglish.toLowerCase() ? `${inEnglish} (${own})` : inEnglish;
}

/** "English, French (français) and Arabic (العربية)". */
export function languageList(codes: readonly string[]): string {
  return listOf(codes.map(languageName));
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "1 hour", "2 hours 30 minutes", "45 minutes". */
export function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const parts = [];
  if (h > 0) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m > 0 || h === 0) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  return parts.join(' ');
}

/**
 * "Thu 10 Dec at 09:00" on `local`'s clock, with the year ("Thu 10 Dec 2027 at 09:00") when it is
 * in another year than `from` or more than six months from it.
 */
export function dayAndTime(local: DateTime, from: Date): string {
  const far = Math.abs(local.toMillis() - from.getTime()) > SIX_MONTHS_MS;
  const otherYear = local.year !== DateTime.fromJSDate(from, { zone: local.zone }).year;
  return local.toFormat(far || otherYear ? "ccc d LLL yyyy 'at' HH:mm" : "ccc d LLL 'at' HH:mm");
}
