import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
}

const pgError = (error: unknown): PgError | undefined =>
  error instanceof QueryFailedError ? (error.driverError as PgError) : undefined;

const matches = (error: unknown, code: string, constraint?: string): boolean => {
  const pg = pgError(error);
  return pg?.code === code && (constraint === undefined || pg.constraint === constraint);
};

/** 23505: a unique index said no. */
export const isUniqueViolation = (error: unknown, constraint?: string) =>
  matches(error, '23505', constraint);

/** 23P01: an EXCLUDE constraint said no (e.g. overlapping sessions). */
export const isExclusionViolation = (error: unknown, constraint?: string) =>
  matches(error, '23P01', constraint);

/** 23514: a CHECK constraint said no. */
export const isCheckViolation = (error: unknown, constraint?: string) =>
  matches(error, '23514', constraint);

/** A database refusal caused by what the client sent, as the problem to answer with. */
export interface ClientFault {
  pgCode: string;
  status: 400 | 422;
  code: string;
  detail: string;
  field?: string;
}

const snakeToCamel = (name: string) =>
  name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * The safety net under the validators: data exceptions (class 22: bad text, NUL bytes, dates out
 * of range, numbers too large) and integrity refusals of a value (NOT NULL, CHECK, a missing
 * referenced row) are the client's fault, so they never become a 500. Unique and EXCLUDE
 * violations are left to the services, which know the conflict they mean.
 */
export function clientFaultOf(error: unknown): ClientFault | undefined {
  const pg = pgError(error);
  const pgCode = pg?.code;
  if (!pg || !pgCode) return undefined;
  const field = pg.column ? snakeToCamel(pg.column) : undefined;
  if (pgCode.startsWith('22')) {
    return {
      pgCode,
      status: 400,
      code: 'invalid-value',
      field,
      detail: 'A value is not accepted.',
    };
  }
  if (pgCode === '54000') {
    return { pgCode, status: 400, code: 'invalid-value', detail: 'A value is too large.' };
  }
  if (pgCode === '23502') {
    const detail = field ? `${field} is required.` : 'A required value is missing.';
    return { pgCode, status: 422, code: 'constraint-violated', field, detail };
  }
  if (pgCode === '23514' || pgCode === '23503') {
    return {
      pgCode,
      status: 422,
      code: 'constraint-violated',
      field,
      detail: 'The values break a rule of the stored data.',
    };
  }
  return undefined;
}

/** Socket-level failures on the way to PostgreSQL (node's error codes). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * PostgreSQL cannot be reached or dropped the connection: a refused or reset socket, the pool's
 * connect timeout, a connection ended mid-query, SQLSTATE class 08 (connection exception) or
 * 57P01-57P03 (the server shutting down or starting). The client's cue to retry, not our bug.
 */
export function isPostgresUnavailable(error: unknown): boolean {
  const cause = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  // Read by shape: socket errors come from node's own realm, where `instanceof Error` can fail.
  if (typeof cause !== 'object' || cause === null) return false;
  const { code, message } = cause as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || code.startsWith('08')) return true;
    if (code === '57P01' || code === '57P02' || code === '57P03') return true;
  }
  return (
    typeof message === 'string' &&
    (message.startsWith('Connection terminated') ||
      message === 'timeout exceeded when trying to connect' ||
      message === 'Client has encountered a connection error and is not queryable')
  );
}
