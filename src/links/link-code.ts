import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LinkKind } from './signed-link.entity';

/** 16 random bytes: 128 bits, 22 base64url characters in the URL. */
const CODE_BYTES = 16;
export const CODE_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** What a link names and until when; the signature covers all of it. */
export interface LinkFields {
  kind: LinkKind;
  objectId: string;
  personId: string;
  version: number;
  expiresAt: Date;
}

export const newCode = (): string => randomBytes(CODE_BYTES).toString('base64url');

/**
 * The code of the one live invite link for exactly these fields (`attempt` > 0 when an earlier one
 * held a word texts must not show): every download of an invite for one version of the event
 * gives the same code, so it reuses one row instead of adding one. 128 bits of HMAC under a key
 * derived from LINK_SECRET for this use alone; the event's version and start are in it, so a move
 * or a cancellation gives a new code, as for any link.
 */
export function stableCode(secret: string, f: LinkFields, attempt = 0): string {
  const key = createHmac('sha256', secret).update('vws invite link code v1').digest();
  const message = [
    f.kind,
    f.objectId,
    f.personId,
    String(f.version),
    f.expiresAt.toISOString(),
    String(attempt),
  ].join('|');
  return createHmac('sha256', key)
    .update(message)
    .digest()
    .subarray(0, CODE_BYTES)
    .toString('base64url');
}

/** The only form of a code the database holds. */
export const hashCode = (code: string): string => createHash('sha256').update(code).digest('hex');

/** HMAC-SHA256 over the row, its code's hash included, so no field can be changed or swapped. */
export function signLink(secret: string, codeHash: string, f: LinkFields): string {
  const message = [
    'v1',
    codeHash,
    f.kind,
    f.objectId,
    f.personId,
    String(f.version),
    f.expiresAt.toISOString(),
  ].join('|');
  return createHmac('sha256', secret).update(message).digest('base64url');
}

export function verifyLink(
  secret: string,
  codeHash: string,
  f: LinkFields,
  signature: string,
): boolean {
  const expected = Buffer.from(signLink(secret, codeHash, f));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
