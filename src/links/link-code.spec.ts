import { CODE_PATTERN, hashCode, newCode, signLink, verifyLink } from './link-code';

const fields = {
  kind: 'session' as const,
  objectId: '6f1c1f8e-7d0a-4c55-9d62-2d6a3b1c0f11',
  personId: '0b8f4a3e-93a2-4b1e-8f3c-5c2d1e0a9b77',
  version: 2,
  expiresAt: new Date('2027-03-10T09:00:00Z'),
};
const SECRET = 'a-test-secret-that-is-long-enough-1234';

describe('link codes', () => {
  it('are 128 random bits in 22 URL-safe characters, never twice the same', () => {
    const codes = new Set(Array.from({ length: 1000 }, newCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(CODE_PATTERN);
  });

  it('are stored as a SHA-256 that does not contain the code', () => {
    const code = newCode();
    expect(hashCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode(code)).not.toContain(code);
  });

  it('verify only with the same secret, code and every field unchanged', () => {
    const hash = hashCode(newCode());
    const signature = signLink(SECRET, hash, fields);
    expect(verifyLink(SECRET, hash, fields, signature)).toBe(true);
    expect(verifyLink(`${SECRET}x`, hash, fields, signature)).toBe(false);
    expect(verifyLink(SECRET, hashCode(newCode()), fields, signature)).toBe(false);
    const changed = [
      { kind: 'checkin' as const },
      { objectId: fields.personId },
      { personId: fields.objectId },
      { version: 3 },
      { expiresAt: new Date('2027-03-11T09:00:00Z') },
    ];
    for (const change of changed) {
      expect(verifyLink(SECRET, hash, { ...fields, ...change }, signature)).toBe(false);
    }
    expect(verifyLink(SECRET, hash, fields, 'short')).toBe(false);
  });
});
