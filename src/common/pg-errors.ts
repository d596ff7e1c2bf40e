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
