/**
 * The rules production's secrets must meet. Each secret's dev default is public (it is in this
 * repository), so a production process running on one, on a guessable value, or on one value for
 * several secrets would accept forged tokens and links or leave safeguarding text readable.
 */

export const DEV_CONCERN_KEY_ID = 'dev1';
export const DEV_CONCERN_KEY = 'aanT4+ALggpFCMPCDosqt5FZ6DhvbWZiNFDpvHcAb2c=';
export const DEV_JWT_SECRET = 'dev-only-secret-change-me-dev-only-secret';
export const DEV_CONSENT_EVIDENCE_SECRET = 'dev-only-consent-evidence-secret-change-me';
export const DEV_LINK_SECRET = 'dev-only-link-secret-change-me-dev-only-link';

/** How secrets are compared with the dev defaults and with each other: spaces and case ignored. */
const normalise = (value: string) => value.trim().toLowerCase();

const DEV_SECRETS = new Set(
  [DEV_JWT_SECRET, DEV_CONSENT_EVIDENCE_SECRET, DEV_LINK_SECRET, DEV_CONCERN_KEY].map(normalise),
);

/**
 * Below this estimate a secret is refused in production. The lowest estimates seen for random
 * bytes: 32 in base64 (44 characters) 188 bits, in base64url 179, in hex (64) 218, in 200,000
 * samples each; 16 in hex (32 characters) 88, in a million samples.
 */
export const MIN_SECRET_BITS = 80;

/**
 * A cheap estimate of how guessable a secret is, in bits, that catches what people type when asked
 * for a secret: one character repeated, a short pattern repeated (`abcabc…`), a run (`abcdef…`,
 * `0123…`) and a small alphabet. Take the shortest unit the value repeats (the value itself when it
 * does not repeat); the estimate is the unit's length times the Shannon entropy of its characters'
 * frequencies, or of the steps between neighbouring characters' code points when that is lower.
 * It does not know words: a long English sentence scores high. Random strings score below their
 * true entropy (a 32-character sample cannot show all 64 base64 characters), never above.
 */
export function estimatedSecretBits(value: string): number {
  const chars = [...value].map((c) => c.codePointAt(0) ?? 0);
  const unit = chars.slice(0, shortestPeriod(chars));
  const steps = unit.slice(1).map((c, i) => c - unit[i]);
  return Math.min(totalShannonBits(unit), totalShannonBits(steps));
}

export const isGuessableSecret = (value: string) => estimatedSecretBits(value) < MIN_SECRET_BITS;

/** Shortest p such that the value is a prefix of its first p characters repeated (KMP). */
function shortestPeriod(items: readonly number[]): number {
  if (items.length === 0) return 0;
  const border = new Array<number>(items.length).fill(0);
  for (let i = 1, k = 0; i < items.length; i++) {
    while (k > 0 && items[i] !== items[k]) k = border[k - 1];
    if (items[i] === items[k]) k++;
    border[i] = k;
  }
  return items.length - border[items.length - 1];
}

/** n × the Shannon entropy of the items' frequencies. */
function totalShannonBits(items: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= count * Math.log2(count / items.length);
  return bits;
}

/** One secret as production sees it: the variable (and key id) to name, and its value. */
export interface NamedSecret {
  name: string;
  value: string;
  /** Chosen by someone else (Twilio's auth token): only checked not to double as one of ours. */
  external?: boolean;
}

/**
 * Every refusal for these secrets, one short phrase each naming the variable and never the value:
 * a dev-only default, a guessable value, or a value equal to another secret's.
 */
export function secretErrors(secrets: readonly NamedSecret[]): string[] {
  const errors: string[] = [];
  for (const { name, value, external } of secrets) {
    if (external) continue;
    if (DEV_SECRETS.has(normalise(value))) {
      errors.push(`${name} must not be a dev-only default (they are public)`);
    } else if (isGuessableSecret(value)) {
      errors.push(
        `${name} is too easy to guess (a repeat, a run or few different characters); use 32 random bytes, e.g. openssl rand -base64 32`,
      );
    }
  }
  const seen = new Map<string, string>();
  for (const { name, value } of secrets) {
    const first = seen.get(normalise(value));
    if (first) errors.push(`${name} must differ from ${first}`);
    else seen.set(normalise(value), name);
  }
  return errors;
}
