import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

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
