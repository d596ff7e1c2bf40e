import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const HHMM_OR_24 = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

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
