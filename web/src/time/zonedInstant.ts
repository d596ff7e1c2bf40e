const DAY_MS = 86_400_000;
const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall clock of `zone` at `at`, read as if it were UTC: its offset is the difference. */
function wallMs(at: number, zone: string): number {
  let f = wallFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallFormatters.set(zone, f);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string) =>
    Number(parts.find((p) => p.type === type)!.value);
  const parts = f.formatToParts(at);
  return Date.UTC(
    part(parts, 'year'),
    part(parts, 'month') - 1,
    part(parts, 'day'),
    part(parts, 'hour'),
    part(parts, 'minute'),
  );
}

/**
 * The instant (ISO, UTC) at which the wall clock of `zone` shows `date` ("2027-03-06") and `time`
 * ("18:00"); the earlier one when the clocks go back and it shows twice, null when the clocks go
 * forward over it and it never shows. Only offsets from the day before and after are tried:
 * no zone changes twice in two days.
 */
export function zonedInstant(date: string, time: string, zone: string): string | null {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  const offsets = [wall - DAY_MS, wall + DAY_MS].map((at) => wallMs(at, zone) - at);
  const found = [...new Set(offsets)]
    .map((offset) => wall - offset)
    .filter((at) => wallMs(at, zone) === wall)
    .sort((a, b) => a - b);
  return found.length ? new Date(found[0]).toISOString() : null;
}

/** "18:30", "1830", "18.30" or "9:05" as "HH:mm"; null for anything else. */
export function parseClock(text: string): string | null {
  const match = /^([01]?\d|2[0-3])[:.]?([0-5]\d)$/.exec(text.trim());
  return match ? `${match[1].padStart(2, '0')}:${match[2]}` : null;
}
