import {
  CountryCode,
  getCountries,
  getCountryCallingCode,
  getExampleNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js';
import examples from 'libphonenumber-js/mobile/examples';

/**
 * Phone numbers as people type them, read in one place. A person picks the country of the number
 * and writes it the way it is written there ("07911 123456" in the United Kingdom, "691 234 5678"
 * in Greece); we store E.164 (+447911123456) and show it back in the national format.
 */

/** Every country whose numbers can be read, as ISO 3166 codes (GB, GR, FR, ...). */
export const PHONE_COUNTRIES: readonly CountryCode[] = getCountries();
const KNOWN = new Set<string>(PHONE_COUNTRIES);

export const isPhoneCountry = (value: unknown): value is CountryCode =>
  typeof value === 'string' && KNOWN.has(value);

/** What a typed number may hold: digits, spaces and the usual separators; never letters. */
const TYPED = /^\+?[\d\s().-]{4,30}$/;
const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * The number in E.164, or null when it is not a valid number. Without a country only E.164 is
 * read (the API's original form). With one, the number may be written as it is in that country; a
 * number that starts with + or the country's international prefix (00) names its own country,
 * and any other must carry that country's calling code (so +44 covers Jersey and Guernsey too).
 */
export function toE164(typed: string, country?: string): string | null {
  if (country === undefined) return isE164(typed) ? typed : null;
  if (!isPhoneCountry(country) || !TYPED.test(typed)) return null;
  const parsed = parsePhoneNumberFromString(typed, country);
  if (!parsed?.isValid()) return null;
  const ownCountry = typed.trim().startsWith('+') || /^\s*00/.test(typed);
  if (!ownCountry && parsed.countryCallingCode !== getCountryCallingCode(country)) return null;
  return parsed.number;
}

/** A valid number written in E.164, exactly (+447911123456). */
export function isE164(value: unknown): value is string {
  if (typeof value !== 'string' || !E164.test(value)) return false;
  const parsed = parsePhoneNumberFromString(value);
  return parsed !== undefined && parsed.isValid() && parsed.number === value;
}

/** A stored number as its owner would write it: its country and the national format. */
export function phoneParts(e164: string): { country: CountryCode | null; national: string } {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return { country: null, national: e164 };
  return { country: parsed.country ?? null, national: parsed.formatNational() };
}

const regionNames = new Intl.DisplayNames(['en-GB'], { type: 'region' });

/** Countries whose English name takes "the" ("a number from the United Kingdom"). */
const WITH_THE = new Set(['GB', 'US', 'NL', 'AE', 'PH', 'DO', 'CF', 'GM', 'BS', 'MV', 'MH', 'SB']);

/** "Greece" for GR, "the United Kingdom" for GB. */
export const countryName = (country: CountryCode): string => {
  const name = regionNames.of(country) ?? country;
  return WITH_THE.has(country) ? `the ${name}` : name;
};

/** The words a person reads when the number is not one we can read. */
export function phoneProblem(country: unknown): string {
  if (!isPhoneCountry(country)) {
    return 'Enter a mobile number we can text, with the country code, for example +44 7911 123456';
  }
  const example = getExampleNumber(country, examples)?.formatNational();
  return (
    `Enter a mobile number from ${countryName(country)}` +
    `${example ? `, like ${example}` : ''}, or choose the country the number is from`
  );
}
