import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsString,
  MaxLength,
  MinLength,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';
import { IANAZone } from 'luxon';
import { isE164, isPhoneCountry, phoneProblem, toE164 } from './phone';
import { LOCAL_END_TIME, LOCAL_TIME, parseLocalTime } from './time/weekly-window';

/** An IANA time zone name that the tz database knows (e.g. Europe/London), not an offset. */
export function IsIanaZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIanaZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: 'Choose a time zone from the list, such as London or Athens',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && value.includes('/') && IANAZone.isValidZone(value),
      },
    });
}

export { isE164 };

/** A valid phone number written in E.164 (+447911123456). */
export function IsE164(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isE164',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: phoneProblem(undefined), ...options },
      validator: { validate: isE164 },
    });
}

/**
 * A phone number, read in the country the body's `phoneCountry` names (as it is written there,
 * "07911 123456") or, without one, in E.164; turned into E.164 before it reaches a service.
 */
export const IsPhoneNumber = () =>
  applyDecorators(
    Transform(({ value, obj }: { value: unknown; obj: { phoneCountry?: unknown } }) =>
      typeof value === 'string' &&
      (obj.phoneCountry === undefined || isPhoneCountry(obj.phoneCountry))
        ? (toE164(value, obj.phoneCountry) ?? value)
        : value,
    ),
    rule(
      'isPhoneNumber',
      (_p, args) => phoneProblem((args.object as { phoneCountry?: unknown }).phoneCountry),
      isE164,
    ),
  );

/** The country a phone number is written in, as its ISO 3166 code (GB, GR, ...). */
export const IsPhoneCountry = () =>
  rule(
    'isPhoneCountry',
    () => 'Choose the country of the phone number from the list',
    isPhoneCountry,
  );

/**
 * Years outside this span are typing mistakes or probes: nothing this service keeps happened
 * before 1900 or is planned after 2999, and the bound keeps date arithmetic (a range plus a
 * horizon) inside what PostgreSQL and `Date#toISOString` can represent.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** RFC 3339 date-time; the offset is mandatory (a bare local time would be read in the wrong zone). */
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
/** UTC offsets in use run from -12:00 to +14:00; RFC 3339 allows no more than ±14:00 here. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** A real calendar date written `YYYY-MM-DD` (no 30 February, no week dates), years 1900-2999. */
export const isLocalDate = (value: unknown): value is string => {
  const m = typeof value === 'string' ? LOCAL_DATE.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** An RFC 3339 instant with `Z` or an offset within ±14:00, on a real date, years 1900-2999. */
export const isInstant = (value: unknown): value is string => {
  const m = typeof value === 'string' ? INSTANT.exec(value) : null;
  if (!m || !isLocalDate(m[1])) return false;
  const [, , , , , sign, hours, minutes] = m;
  if (sign === undefined) return true;
  return Number(minutes) < 60 && Number(hours) * 60 + Number(minutes) <= MAX_OFFSET_MINUTES;
};

/**
 * A class-validator decorator from a name, a message naming the property (and, when it needs to,
 * reading the value), and a check.
 */
export function rule(
  name: string,
  message: (property: string, args: ValidationArguments) => string,
  validate: (value: unknown, args: ValidationArguments) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: (args: ValidationArguments) => message(args.property, args), ...options },
      validator: { validate },
    });
}

/** A real calendar date written `YYYY-MM-DD`. */
export const IsLocalDate = (options?: ValidationOptions) =>
  rule('isLocalDate', () => 'Enter a real date', isLocalDate, options);

/** An RFC 3339 instant that says its offset, e.g. 2027-03-20T18:00:00+02:00. */
export const IsInstant = (options?: ValidationOptions) =>
  rule(
    'isInstant',
    (p) =>
      `${p} must be an RFC 3339 instant with Z or an offset from -14:00 to +14:00, e.g. 2027-03-20T18:00:00+02:00`,
    isInstant,
    options,
  );

/** `HH:mm` wall-clock time; with `endOfDay`, `24:00` too. */
export const IsLocalTime = (endOfDay = false, options?: ValidationOptions) =>
  rule(
    'isLocalTime',
    (p) => `${p} must be a time HH:mm from 00:00 to ${endOfDay ? '24:00' : '23:59'}`,
    (value) => typeof value === 'string' && (endOfDay ? LOCAL_END_TIME : LOCAL_TIME).test(value),
    options,
  );

/** Later than the `start` of the same window (checked only when both are well-formed). */
export const IsAfterStart = (options?: ValidationOptions) =>
  rule(
    'isAfterStart',
    (p) => `${p} must be later than start (windows cannot cross midnight; end at 24:00)`,
    (value, args) => {
      const start = (args.object as { start?: unknown }).start;
      if (typeof value !== 'string' || typeof start !== 'string') return true;
      if (!LOCAL_END_TIME.test(value) || !LOCAL_TIME.test(start)) return true;
      return parseLocalTime(value) > parseLocalTime(start);
    },
    options,
  );

/** NFC, then trimmed: "José" typed on two keyboards is one name, and "  " is no name at all. */
export const normaliseName = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;

/** A person's name: NFC-normalised, trimmed, not blank, at most `maxLength` characters. */
export const IsName = (maxLength: number) =>
  applyDecorators(
    Transform(normaliseName),
    IsString(),
    MinLength(1, { message: '$property must not be blank' }),
    MaxLength(maxLength),
  );
