import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badTextFields } from './input-text';
import { FieldError, ValidationFailedException } from './problem';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') ? `${e.property} is not an accepted field` : message,
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The one input boundary for bodies, queries and route parameters: first no client string may
 * carry control characters or broken surrogates (whatever the DTO says), then the DTO's rules.
 */
class BoundaryValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const bad = badTextFields(value, metadata.data ?? '');
      if (bad.length > 0) throw new ValidationFailedException(bad);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Rejects unknown fields and wrong types, naming every bad field (problem `errors`). */
export const validationPipe = new BoundaryValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new ValidationFailedException(flatten(errors)),
});
