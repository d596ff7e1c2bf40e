import { HttpStatus } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainError, RuleViolationError } from './domain-error';

/** The same key sent again with another request body. */
export class IdempotencyKeyReusedError extends RuleViolationError {
  constructor() {
    super(
      'idempotency-key-reused',
      'This Idempotency-Key was already used with a different request.',
    );
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;

export class BadIdempotencyKeyError extends DomainError {
  constructor() {
    super(
      HttpStatus.BAD_REQUEST,
      'bad-idempotency-key',
      'Bad Request',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
    );
  }
}

/** Validates the header; undefined when the client sent none. */
export function idempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) throw new BadIdempotencyKeyError();
  return header;
}

export const requestHash = (route: string, body: Record<string, unknown>): string =>
  createHash('sha256')
    .update(JSON.stringify([route, Object.entries(body).sort(([a], [b]) => a.localeCompare(b))]))
    .digest('hex');

export type Replay<T> = { replay: true; response: T } | { replay: false };

/**
 * Idempotency keys live in the same transaction as the work they guard: the key is claimed first
 * (a concurrent request with the same key waits on the row), the answer stored last, and both
 * commit with the booking or roll back with it — so only successful answers are remembered and a
 * failed attempt can simply be retried.
 */
export async function claimIdempotencyKey<T>(
  actorId: string,
  key: string,
  hash: string,
  em: EntityManager,
): Promise<Replay<T>> {
  const claimed: unknown[] = await em.query(
    `INSERT INTO idempotency_key (actor_id, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING key`,
    [actorId, key, hash],
  );
  if (claimed.length > 0) return { replay: false };
  const [row] = await em.query<Array<{ request_hash: string; response: T }>>(
    `SELECT request_hash, response FROM idempotency_key WHERE actor_id = $1 AND key = $2`,
    [actorId, key],
  );
  if (row.request_hash !== hash) throw new IdempotencyKeyReusedError();
  return { replay: true, response: row.response };
}

export async function storeIdempotentResponse(
  actorId: string,
  key: string,
  status: number,
  response: unknown,
  em: EntityManager,
): Promise<void> {
  await em.query(
    `UPDATE idempotency_key SET response_status = $3, response = $4 WHERE actor_id = $1 AND key = $2`,
    [actorId, key, status, JSON.stringify(response)],
  );
}

/**
 * Erasure: stored answers can hold personal data, so every key a person used (bookings, concerns)
 * goes with them. Called by the sessions module's personal-data part, in the erasure's transaction.
 */
export async function forgetIdempotencyKeys(actorId: string, em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM idempotency_key WHERE actor_id = $1`, [actorId]);
}
