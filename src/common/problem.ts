import { HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { clientFaultOf } from './pg-errors';

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

/** Errors from body-parser (malformed JSON, too large, ...) carry `type` and `status`. */
interface BodyParserError {
  type: string;
  status: number;
}
const isBodyParserError = (e: unknown): e is BodyParserError =>
  e instanceof Error &&
  typeof (e as Partial<BodyParserError>).type === 'string' &&
  typeof (e as Partial<BodyParserError>).status === 'number';

/**
 * Every error class body-parser (and raw-body under it) raises, as the problem the client gets.
 * Anything else it raises with a 4xx status keeps that status; a 5xx from it is our bug.
 */
const BODY_PARSER_PROBLEMS: Record<string, [status: number, code: string, detail: string]> = {
  'entity.parse.failed': [400, 'malformed-json', 'The body is not valid JSON.'],
  'entity.too.deep': [400, 'body-too-deep', 'The body nests objects or arrays too deeply.'],
  'entity.verify.failed': [400, 'malformed-body', 'The body was refused.'],
  'entity.too.large': [413, 'body-too-large', 'The body is larger than this API accepts.'],
  'parameters.too.many': [413, 'body-too-large', 'The form has too many fields.'],
  'encoding.unsupported': [
    415,
    'unsupported-encoding',
    'Content-Encoding is not supported; send the body uncompressed.',
  ],
  'charset.unsupported': [415, 'unsupported-charset', 'Send the body in UTF-8.'],
  'request.aborted': [400, 'request-aborted', 'The body ended before its announced length.'],
  'request.size.invalid': [400, 'malformed-body', 'The body length differs from Content-Length.'],
};

/** A body-parser failure, kept whole (Nest turns a bare SyntaxError into a generic 400). */
export class RequestBodyError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
  ) {
    super(type);
  }
}

function fromBodyParser(error: BodyParserError): Problem | undefined {
  const known = BODY_PARSER_PROBLEMS[error.type];
  if (known) return fromStatus(known[0], known[2], known[1]);
  if (error.status >= 400 && error.status < 500) return fromStatus(error.status, error.type);
  return undefined;
}

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
      ...fromStatus(
        400,
        'Some answers need changing: each one below says how.',
        'validation-failed',
      ),
      errors: error.fieldErrors,
    };
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
  const parsing = isBodyParserError(error) ? fromBodyParser(error) : undefined;
  if (parsing) return parsing;
  const clientFault = clientFaultOf(error);
  if (clientFault) {
    // The validators should have caught it first: the warning shows where one is missing.
    logger.warn(
      { pgCode: clientFault.pgCode },
      `Database refused client input (${clientFault.pgCode})`,
    );
    return {
      ...fromStatus(clientFault.status, clientFault.detail, clientFault.code),
      ...(clientFault.field
        ? { errors: [{ field: clientFault.field, message: clientFault.detail }] }
        : {}),
    };
  }
  const errorId = randomUUID();
  const kind = error instanceof QueryFailedError ? 'database' : 'unexpected';
  logger.error(
    { errorId, kind, err: error instanceof Error ? { name: error.name, stack: error.stack } : {} },
    `Unhandled ${kind} error ${errorId}`,
  );
  return { ...fromStatus(500, 'Something went wrong on our side.', 'internal'), errorId };
}
