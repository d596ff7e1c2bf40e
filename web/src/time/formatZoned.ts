/**
 * Every time is shown with its zone ("Thu 3 Dec, 10:00 London time"). The zone always comes from the
 * server (the person's profile or the slot), never from the browser's guess.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = zone + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** "London" from "Europe/London", "Ho Chi Minh" from "Asia/Ho_Chi_Minh"; UTC stays UTC. */
export function zoneLabel(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  return zone.split('/').pop()!.replace(/_/g, ' ') + ' time';
}

/** Past this distance from today a date says its year, even in the same year. */
const SIX_MONTHS_MS = 183 * 24 * 3600_000;

/** Whether a day shown in `zone` needs its year: another year than `now`'s, or over six months off. */
export function needsYear(date: Date, zone: string, now: Date = new Date()): boolean {
  if (Math.abs(date.getTime() - now.getTime()) > SIX_MONTHS_MS) return true;
  const year = (d: Date) => formatter(zone, { year: 'numeric' }).format(d);
  return year(date) !== year(now);
}

/**
 * "Thu 3 Dec, 10:00 London time"; "Fri 3 Dec 2027, 10:00 London time" in another year than
 * today's or more than six months away.
 */
export function formatZoned(utc: string | Date, zone: string, now: Date = new Date()): string {
  const date = typeof utc === 'string' ? new Date(utc) : utc;
  const day = formatter(zone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(needsYear(date, zone, now) ? { year: 'numeric' } : {}),
  }).format(date);
  return `${day}, ${formatTime(date, zone)} ${zoneLabel(zone)}`;
}

/** "10:00" on the wall clock of `zone`. */
export function formatTime(utc: string | Date, zone: string): string {
  const date = typeof utc === 'string' ? new Date(utc) : utc;
  return formatter(zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

/** "Thursday 3 December 2026": the heading of one day in `zone`. */
export function formatDay(utc: string | Date, zone: string): string {
  const date = typeof utc === 'string' ? new Date(utc) : utc;
  return formatter(zone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** "2026-12-03": the calendar date of `utc` in `zone`, for grouping by day. */
export function localDate(utc: string | Date, zone: string): string {
  const date = typeof utc === 'string' ? new Date(utc) : utc;
  const parts = formatter(zone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "3 December 2026" for a plain calendar date ("2026-12-03"), which has no zone. */
export function formatDate(isoDate: string): string {
  return formatter('UTC', { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
