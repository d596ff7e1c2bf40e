import { QueryFailedError } from 'typeorm';

interface PgError {
  code?: string;
  constraint?: string;
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

/** 40001: serialization failure; the transaction may be retried. */
export const isSerializationFailure = (error: unknown) => matches(error, '40001');
