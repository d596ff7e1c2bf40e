import { randomBytes } from 'node:crypto';
import { validateEnv } from '../config/env';
import { maskUrl } from './boot-errors';

const key = () => randomBytes(32).toString('base64');
const production = (overrides: Record<string, string | undefined>) => ({
  NODE_ENV: 'production',
  JWT_SECRET: randomBytes(32).toString('hex'),
  CONSENT_EVIDENCE_SECRET: randomBytes(32).toString('hex'),
  LINK_SECRET: randomBytes(32).toString('hex'),
  CONCERN_KEYS: `k1:${key()}`,
  CONCERN_ACTIVE_KEY_ID: 'k1',
  ...overrides,
});

describe('production secrets', () => {
  it('accepts secrets of its own', () => {
    expect(validateEnv(production({})).API_DOCS).toBe('off');
  });

  it.each([
    ['JWT_SECRET', undefined, /JWT_SECRET must be set in production/],
    ['JWT_SECRET', 'dev-only-secret-change-me-dev-only-secret', /JWT_SECRET must not be the dev/],
    ['JWT_SECRET', 'é'.repeat(15) + 'x', /JWT_SECRET must be at least 32/],
    ['CONSENT_EVIDENCE_SECRET', undefined, /CONSENT_EVIDENCE_SECRET must be set/],
    [
      'CONSENT_EVIDENCE_SECRET',
      'dev-only-consent-evidence-secret-change-me',
      /CONSENT_EVIDENCE_SECRET must not be the dev/,
    ],
    ['LINK_SECRET', undefined, /LINK_SECRET must be set in production/],
    [
      'LINK_SECRET',
      'dev-only-link-secret-change-me-dev-only-link',
      /LINK_SECRET must not be the dev/,
    ],
    ['CONCERN_KEYS', undefined, /CONCERN_KEYS must be set/],
    [
      'CONCERN_KEYS',
      `k1:${key()},old:aanT4+ALggpFCMPCDosqt5FZ6DhvbWZiNFDpvHcAb2c=`,
      /CONCERN_KEYS must not contain the dev/,
    ],
    ['CONCERN_KEYS', `k1:${randomBytes(16).toString('base64')}`, /CONCERN_KEYS must be keyId/],
  ])('refuses %s = %s in one line naming it', (name, value, message) => {
    let error: Error | undefined;
    try {
      validateEnv(production({ [name]: value }));
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('\n');
  });

  it('keeps the dev defaults outside production, with the API docs on', () => {
    expect(validateEnv({})).toMatchObject({
      JWT_SECRET: 'dev-only-secret-change-me-dev-only-secret',
      API_DOCS: 'on',
    });
    expect(validateEnv({ API_DOCS: 'off' }).API_DOCS).toBe('off');
    expect(() => validateEnv({ API_DOCS: 'maybe' })).toThrow(/API_DOCS must be on or off/);
  });
});

describe('maskUrl', () => {
  it('hides the password and keeps the host', () => {
    expect(maskUrl('postgres://app:s3cret@db.internal:5432/vws')).toBe(
      'postgres://app:***@db.internal:5432/vws',
    );
    expect(maskUrl('redis://:s3cret@cache:6379')).toBe('redis://:***@cache:6379');
  });
});
