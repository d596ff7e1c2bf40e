import { DateTime } from 'luxon';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const HHMM_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** An instant with an explicit offset or Z, e.g. 2027-03-20T18:00:00+02:00. */
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const decorator =
  (
    name: string,
    message: (property: string) => string,
    validate: (value: unknown, args: ValidationArguments) => boolean,
  ) =>
  (options?: ValidationOptions): PropertyDecorator =>
  (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: message(String(propertyName)), ...options },
      validator: { validate },
    });

/** A real calendar date written YYYY-MM-DD. */
export const IsLocalDate = decorator(
  'isLocalDate',
  (p) => `${p} must be a date written YYYY-MM-DD`,
  (value) => typeof value === 'string' && LOCAL_DATE.test(value) && DateTime.fromISO(value).isValid,
);

/** An ISO 8601 instant that says its offset (Z or ±hh:mm), so it cannot be read in the wrong zone. */
export const IsInstant = decorator(
  'isInstant',
  (p) => `${p} must be an ISO 8601 instant with an offset, e.g. 2027-03-20T18:00:00+02:00`,
  (value) => typeof value === 'string' && INSTANT.test(value) && DateTime.fromISO(value).isValid,
);

/** A later HH:mm than the sibling property `start`. */
export const IsAfterStart = decorator(
  'isAfterStart',
  (p) => `${p} must be later than start`,
  (value, args) => {
    const start = (args.object as { start?: unknown }).start;
    return typeof value === 'string' && typeof start === 'string' && value > start;
  },
);

/** Only allowed when the sibling property `channel` is `skype`. */
export const OnlyWithSkype = decorator(
  'onlyWithSkype',
  (p) => `${p} is only for channel skype`,
  (_value, args) => (args.object as { channel?: unknown }).channel === 'skype',
);

/** Only allowed when the sibling property `status` is `completed`. */
export const OnlyWhenCompleted = decorator(
  'onlyWhenCompleted',
  (p) => `${p} is only for a completed call`,
  (_value, args) => (args.object as { status?: unknown }).status === 'completed',
);
