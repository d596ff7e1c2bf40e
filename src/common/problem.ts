import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the one error body of the whole API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  errorId?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class ValidationFailedException extends HttpException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('Validation failed', HttpStatus.BAD_REQUEST);
  }
}

const problemType = (code: string) => `/problems/${code}`;

function fromStatus(status: number, detail?: string, code?: string): Problem {
  const title = STATUS_CODES[status] ?? 'Error';
  return {
    type: problemType(code ?? title.toLowerCase().replace(/[^a-z]+/g, '-')),
    title,
    status,
    ...(detail ? { detail } : {}),
  };
}

/** Errors from body-parser (malformed JSON, too large) carry `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
}
const isBodyParserError = (e: unknown): e is BodyParserError =>
  e instanceof Error &&
  typeof (e as Partial<BodyParserError>).type === 'string' &&
  typeof (e as Partial<BodyParserError>).status === 'number';

const logger = new Logger('Problem');

/**
 * Turns anything thrown into a problem. Client errors say what was wrong; everything else is a 500
 * whose body carries only an id, and whose details go to the log under that id.
 */
export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) {
    return {
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      ...(error.detail ? { detail: error.detail } : {}),
      ...error.extra,
    };
  }
  if (error instanceof ValidationFailedException) {
    return {
      ...fromStatus(400, 'The request has invalid fields.', 'validation-failed'),
      errors: error.fieldErrors,
    };
  }
  if (error instanceof ThrottlerException) {
    return fromStatus(429, 'Too many attempts; wait a little and try again.', 'rate-limited');
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      const body = error.getResponse();
      const message =
        typeof body === 'string'
          ? body
          : typeof body === 'object' && body !== null && 'message' in body
            ? String(body.message)
            : error.message;
      return fromStatus(status, message);
    }
  }
  if (isBodyParserError(error) && error.status >= 400 && error.status < 500) {
    if (error.type === 'entity.parse.failed') {
      return fromStatus(400, 'The body is not valid JSON.', 'malformed-json');
    }
    if (error.type === 'entity.too.large') {
      return fromStatus(413, 'The body is larger than this API accepts.', 'body-too-large');
    }
    return fromStatus(error.status, error.type);
  }
  const errorId = randomUUID();
  const kind = error instanceof QueryFailedError ? 'database' : 'unexpected';
  logger.error(
    { errorId, kind, err: error instanceof Error ? { name: error.name, stack: error.stack } : {} },
    `Unhandled ${kind} error ${errorId}`,
  );
  return { ...fromStatus(500, 'Something went wrong on our side.', 'internal'), errorId };
}
