import { countryName } from '../words';
import { ZONES_BY_COUNTRY } from './zoneCountries';

/** A time zone as a person knows it: a city (the zone's own name) and its country. */
export interface Place {
  zone: string;
  city: string;
  /** Null for UTC and for a zone the tz table does not place (an old name a browser gave). */
  country: string | null;
}

/** Old names some browsers still report, and the country they are in. */
const OLD_NAMES: Record<string, string> = {
  'Asia/Calcutta': 'IN',
  'Europe/Kiev': 'UA',
  'Asia/Saigon': 'VN',
  'Asia/Katmandu': 'NP',
  'Asia/Rangoon': 'MM',
  'America/Buenos_Aires': 'AR',
  'Atlantic/Faeroe': 'FO',
  'Pacific/Truk': 'FM',
};

const cityOf = (zone: string) =>
  zone === 'UTC' ? 'Universal time (UTC)' : zone.split('/').pop()!.replace(/_/g, ' ');

const countryOfZone = new Map<string, string>(
  ZONES_BY_COUNTRY.split(';').flatMap((entry) => {
    const [code, ...zones] = entry.trim().split(' ');
    return zones.map((zone) => [zone, code] as const);
  }),
);
for (const [zone, code] of Object.entries(OLD_NAMES)) countryOfZone.set(zone, code);

/** The place a zone names; any zone, even one the table does not know. */
export function placeOf(zone: string): Place {
  const code = countryOfZone.get(zone);
  return { zone, city: cityOf(zone), country: code ? countryName(code) : null };
}

let all: Place[] | undefined;
/** Every place, by city; UTC last. Built on first use, not at load. */
export function allPlaces(): Place[] {
  all ??= [
    ...[...countryOfZone.keys()]
      .filter((zone) => !(zone in OLD_NAMES))
      .map(placeOf)
      .sort((a, b) => a.city.localeCompare(b.city, 'en-GB')),
    placeOf('UTC'),
  ];
  return all;
}

/** "Athens, Greece"; "Universal time (UTC)". */
export function placeName(zone: string): string {
  const p = placeOf(zone);
  return p.country ? `${p.city}, ${p.country}` : p.city;
}

/** "Athens, Greece — 14:05 now": a zone in words, with its time now so a person can check it. */
export function zoneWords(zone: string, now: Date = new Date()): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(now);
  return `${placeName(zone)} — ${time} now`;
}

/** The zone this browser is in: the starting answer a person confirms or changes. */
export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Lower case, no accents, underscores and slashes as spaces: "São_Paulo" → "sao paulo". */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[_/]/g, ' ')
    .toLowerCase()
    .trim();

/**
 * The places a person means by what they typed: a city or a country ("Athens", "Greece",
 * "London"), a part of either, or a zone's id. Best first: a city that is the text, a city that
 * starts with it, a country that starts with it, then any that contain it. At most `limit`.
 */
export function searchPlaces(query: string, limit = 12): Place[] {
  const q = fold(query);
  if (!q) return [];
  const ranked: Array<{ place: Place; rank: number }> = [];
  for (const place of allPlaces()) {
    const city = fold(place.city);
    const country = fold(place.country ?? '');
    const zone = fold(place.zone);
    const rank =
      city === q
        ? 0
        : city.startsWith(q)
          ? 1
          : country.startsWith(q)
            ? 2
            : zone === q || city.includes(q) || country.includes(q) || zone.includes(q)
              ? 3
              : -1;
    if (rank >= 0) ranked.push({ place, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.place);
}

/** Places offered before anything is typed, after the person's own and the browser's. */
export const COMMON_ZONES = [
  'Europe/London',
  'Europe/Athens',
  'Europe/Paris',
  'Europe/Berlin',
  'Asia/Beirut',
  'Asia/Amman',
  'Africa/Lagos',
  'America/New_York',
];
