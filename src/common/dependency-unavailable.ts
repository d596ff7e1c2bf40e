import { HttpStatus } from '@nestjs/common';
import { DomainError } from './domain-error';

/** What Retry-After says on a 503: Redis reconnects every few seconds at most. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

/** A dependency (Redis, PostgreSQL) the request needs is down: 503, try again shortly. */
export class DependencyUnavailableError extends DomainError {
  constructor(dependencies: string[], extra: Record<string, unknown> = {}) {
    super(
      HttpStatus.SERVICE_UNAVAILABLE,
      'dependency-unavailable',
      'Service Unavailable',
      `Unavailable: ${dependencies.join(', ')}. Try again shortly.`,
      { dependencies, ...extra },
    );
  }
}

/**
 * ioredis's ways of failing a command while Redis is unreachable: the retry limit across
 * reconnects, a connection already closed or not writable (no offline queue), or no answer in
 * time. Each reaches a request only through a Redis command on its path (the login rate limiter,
 * the link limiter, adding a job).
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    error.message === 'Connection is closed.' ||
    error.message === 'Command timed out' ||
    error.message.startsWith("Stream isn't writeable")
  );
}
