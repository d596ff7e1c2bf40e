import { HttpStatus } from '@nestjs/common';

/**
 * A failure the client can act on. Each has a stable `code` that becomes the problem `type`
 * (`/problems/<code>`), so clients branch on it rather than on prose. Subclasses live beside the
 * domain that raises them; the global filter maps them to problem+json in one place.
 */
export class DomainError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
  }
}

export class NotFoundError extends DomainError {
  constructor(what = 'resource') {
    super(HttpStatus.NOT_FOUND, 'not-found', 'Not found', `No such ${what}, or it is not yours.`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, detail: string, extra?: Record<string, unknown>) {
    super(HttpStatus.CONFLICT, code, 'Conflict with current state', detail, extra);
  }
}

export class RuleViolationError extends DomainError {
  constructor(code: string, detail: string, extra?: Record<string, unknown>) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, code, 'Request breaks a rule', detail, extra);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, detail: string, extra?: Record<string, unknown>) {
    super(HttpStatus.FORBIDDEN, code, 'Forbidden', detail, extra);
  }
}
