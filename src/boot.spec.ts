import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateEnv } from '../config/env';
import { nodeEnvWarning, runtimeMode, settleNodeEnv } from '../config/node-env';
import { estimatedSecretBits, isGuessableSecret, MIN_SECRET_BITS } from '../config/secrets';
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
    [
      'JWT_SECRET',
      'dev-only-secret-change-me-dev-only-secret',
      /JWT_SECRET must not be a dev-only default/,
    ],
    ['JWT_SECRET', 'é'.repeat(15) + 'x', /JWT_SECRET must be at least 32/],
    ['CONSENT_EVIDENCE_SECRET', undefined, /CONSENT_EVIDENCE_SECRET must be set/],
    [
      'CONSENT_EVIDENCE_SECRET',
      'dev-only-consent-evidence-secret-change-me',
      /CONSENT_EVIDENCE_SECRET must not be a dev-only default/,
    ],
    ['LINK_SECRET', undefined, /LINK_SECRET must be set in production/],
    [
      'LINK_SECRET',
      'dev-only-link-secret-change-me-dev-only-link',
      /LINK_SECRET must not be a dev-only default/,
    ],
    ['CONCERN_KEYS', undefined, /CONCERN_KEYS must be set/],
    [
      'CONCERN_KEYS',
      `k1:${key()},old:aanT4+ALggpFCMPCDosqt5FZ6DhvbWZiNFDpvHcAb2c=`,
      /CONCERN_KEYS key old must not be a dev-only default/,
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

/** The one-line refusal validateEnv throws, or undefined when it accepts. */
function refusal(raw: Record<string, string | undefined>): string | undefined {
  try {
    validateEnv(raw);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('what NODE_ENV means', () => {
  it.each([
    ['development', 'development'],
    [' Development ', 'development'],
    ['test', 'test'],
    ['TEST', 'test'],
    [undefined, 'development'],
    ['', 'development'],
    ['production', 'production'],
    ['Production', 'production'],
    ['prod', 'production'],
    ['staging', 'production'],
    ['dev', 'production'],
    ['testing', 'production'],
  ])('%j runs as %s', (value, mode) => {
    expect(runtimeMode(value)).toBe(mode);
  });

  it.each(['Production', 'prod', 'staging'])(
    'NODE_ENV=%s without secrets is refused, naming each missing secret',
    (nodeEnv) => {
      const message = refusal({ NODE_ENV: nodeEnv });
      for (const name of ['JWT_SECRET', 'CONSENT_EVIDENCE_SECRET', 'LINK_SECRET', 'CONCERN_KEYS']) {
        expect(message).toContain(`${name} must be set in production`);
      }
      expect(message).not.toContain('\n');
    },
  );

  it('warns when unset, and only then', () => {
    expect(nodeEnvWarning(undefined)).toMatch(
      /NODE_ENV is not set.*dev-only secrets.*not for production/,
    );
    expect(nodeEnvWarning('  ')).toEqual(expect.any(String));
    expect(nodeEnvWarning('development')).toBeUndefined();
    expect(nodeEnvWarning('prod')).toBeUndefined();
  });

  it('settles NODE_ENV to its one spelling, so Express agrees, warning once when unset', () => {
    const warnings: string[] = [];
    const env: NodeJS.ProcessEnv = { NODE_ENV: ' Staging' };
    expect(settleNodeEnv(env, (line) => warnings.push(line))).toBe('production');
    expect(env.NODE_ENV).toBe('production');
    const unset: NodeJS.ProcessEnv = {};
    expect(settleNodeEnv(unset, (line) => warnings.push(line))).toBe('development');
    expect(unset.NODE_ENV).toBe('development');
    expect(warnings).toEqual([nodeEnvWarning(undefined)]);
  });
});

describe('production refuses dev, guessable and shared secrets', () => {
  const devDefaults = [
    ['JWT_SECRET', 'dev-only-secret-change-me-dev-only-secret'],
    ['CONSENT_EVIDENCE_SECRET', 'dev-only-consent-evidence-secret-change-me'],
    ['LINK_SECRET', 'dev-only-link-secret-change-me-dev-only-link'],
  ];
  it.each(
    devDefaults.flatMap(([name, value]) => [
      [name, `${value} `],
      [name, value.toUpperCase()],
      [name, `\t${value}`],
    ]),
  )('%s = its dev default %j', (name, value) => {
    expect(refusal(production({ [name]: value }))).toContain(
      `${name} must not be a dev-only default`,
    );
  });

  it("another secret's dev default, too", () => {
    expect(refusal(production({ LINK_SECRET: devDefaults[0][1] }))).toContain(
      'LINK_SECRET must not be a dev-only default',
    );
  });

  it.each([
    ['32 × a', 'a'.repeat(32)],
    ['abcabc…', 'abc'.repeat(11)],
    ['a repeated hex run', '0123456789abcdef'.repeat(2)],
    ['an alphabet run', '0123456789abcdefghijklmnopqrstuvwxyzABCDEF'],
    ['two characters', 'ab'.repeat(10) + 'ba'.repeat(10)],
    ['the old compose fallback', 'change-me-change-me-change-me-change-me'],
  ])('%s is too easy to guess, and the value is never printed', (_why, value) => {
    for (const name of ['JWT_SECRET', 'CONSENT_EVIDENCE_SECRET', 'LINK_SECRET']) {
      const message = refusal(production({ [name]: value }));
      expect(message).toContain(`${name} is too easy to guess`);
      expect(message).not.toContain(value);
    }
  });

  it('a CONCERN_KEYS key of 32 zero bytes is too easy to guess', () => {
    const zeros = Buffer.alloc(32).toString('base64');
    expect(
      refusal(production({ CONCERN_KEYS: `k1:${key()},k0:${zeros}`, CONCERN_ACTIVE_KEY_ID: 'k1' })),
    ).toContain('CONCERN_KEYS key k0 is too easy to guess');
  });

  it.each([
    ['LINK_SECRET', 'JWT_SECRET', (s: string) => ({ JWT_SECRET: s, LINK_SECRET: s })],
    [
      'CONSENT_EVIDENCE_SECRET',
      'JWT_SECRET',
      (s: string) => ({ JWT_SECRET: s, CONSENT_EVIDENCE_SECRET: ` ${s.toUpperCase()}` }),
    ],
    [
      'LINK_SECRET',
      'CONSENT_EVIDENCE_SECRET',
      (s: string) => ({ CONSENT_EVIDENCE_SECRET: s, LINK_SECRET: s }),
    ],
  ])('%s equal to %s', (second, first, overrides) => {
    const message = refusal(production(overrides(key())));
    expect(message).toContain(`${second} must differ from ${first}`);
  });

  it('a CONCERN_KEYS key equal to another secret, or listed twice under two ids', () => {
    const k = key();
    expect(refusal(production({ JWT_SECRET: k, CONCERN_KEYS: `k1:${k}` }))).toContain(
      'CONCERN_KEYS key k1 must differ from JWT_SECRET',
    );
    expect(refusal(production({ CONCERN_KEYS: `k1:${k},k2:${k}` }))).toContain(
      'CONCERN_KEYS key k2 must differ from CONCERN_KEYS key k1',
    );
  });

  it("TWILIO_AUTH_TOKEN doubling as one of ours; Twilio's own token is not judged", () => {
    const s = key();
    expect(refusal(production({ LINK_SECRET: s, TWILIO_AUTH_TOKEN: s }))).toContain(
      'TWILIO_AUTH_TOKEN must differ from LINK_SECRET',
    );
    expect(refusal(production({ TWILIO_AUTH_TOKEN: 'a'.repeat(32) }))).toBeUndefined();
  });

  it('the same rules do not apply outside production', () => {
    expect(refusal({ NODE_ENV: 'development', JWT_SECRET: 'a'.repeat(32) })).toBeUndefined();
  });
});

it('.env.example holds no secret that production accepts', () => {
  const example = Object.fromEntries(
    readFileSync(join(__dirname, '..', '.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const message = refusal({ ...example, NODE_ENV: 'production' });
  for (const name of ['JWT_SECRET', 'CONSENT_EVIDENCE_SECRET', 'LINK_SECRET']) {
    expect(message).toContain(`${name} must not be a dev-only default`);
  }
  expect(message).toContain('CONCERN_KEYS key dev1 must not be a dev-only default');
});

describe('estimatedSecretBits', () => {
  // Unbiased (fast-check otherwise leans on edge cases such as all zeros, which no random source
  // makes), and 24 bytes or more: 16 random bytes in base64url are 22 characters, too few to show
  // their entropy, and a probe of 200,000 draws found 21 encodings estimated below 80 bits. The
  // README and `npm run compose:secrets` make 32 bytes.
  const bytes = fc
    .noBias(fc.uint8Array({ minLength: 24, maxLength: 64 }))
    .map((b) => Buffer.from(b));

  it(`random bytes (24 to 64) in hex, base64 or base64url pass (${MIN_SECRET_BITS} bits)`, () => {
    // Real secrets come from crypto.randomBytes, tried here too.
    expect(isGuessableSecret(randomBytes(32).toString('base64'))).toBe(false);
    fc.assert(
      fc.property(bytes, fc.constantFrom('hex', 'base64', 'base64url' as const), (b, encoding) => {
        expect(isGuessableSecret(b.toString(encoding))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('a short pattern repeated to 32+ characters fails, with or without a partial tail', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }),
        fc.integer({ min: 32, max: 200 }),
        (unit, length) => {
          const repeated = [...unit.repeat(length)].slice(0, Math.max(length, 32)).join('');
          expect(isGuessableSecret(repeated)).toBe(true);
        },
      ),
    );
  });

  it('4 or fewer different characters over 32 to 39 fail', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 32, max: 39 }),
        fc.infiniteStream(fc.nat()),
        (alphabet, length, picks) => {
          const value = [...picks.take(length)].map((n) => alphabet[n % alphabet.length]).join('');
          expect(isGuessableSecret(value)).toBe(true);
        },
      ),
    );
  });

  it('counts the shortest repeating unit, not the whole string', () => {
    expect(estimatedSecretBits('abcd'.repeat(8))).toBe(estimatedSecretBits('abcd'));
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
