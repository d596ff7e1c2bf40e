import { randomBytes } from 'node:crypto';
import { parseKeyRing, validateEnv } from '../../config/env';
import { Sealer } from './concern-cipher.service';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('Sealer (AES-256-GCM)', () => {
  const a = new Sealer({ keys: new Map([['a', keyA]]), activeKeyId: 'a' });

  it('round-trips text and keeps no plaintext in the envelope', () => {
    const secret = 'Saw him shout at a child near the food tent — ünïcode too';
    const sealed = a.seal(secret, 'concern:1:details');
    expect(sealed).toMatch(/^v1\.a\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('child');
    expect(Buffer.from(sealed.split('.')[4], 'base64url').toString()).not.toContain('child');
    expect(a.open(sealed, 'concern:1:details')).toBe(secret);
  });

  it('uses a fresh IV each time', () => {
    expect(a.seal('same', 'c')).not.toBe(a.seal('same', 'c'));
  });

  it('refuses a value moved to another row or field, or altered', () => {
    const sealed = a.seal('text', 'concern:1:details');
    expect(() => a.open(sealed, 'concern:2:details')).toThrow();
    expect(() => a.open(sealed, 'concern:1:location')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => a.open(parts.join('.'), 'concern:1:details')).toThrow();
    expect(() => a.open('plain text', 'concern:1:details')).toThrow(/Not a sealed value/);
  });

  it('rotates: the new active key seals, old keys still open', () => {
    const old = a.seal('before rotation', 'c');
    const rotated = new Sealer({
      keys: new Map([
        ['a', keyA],
        ['b', keyB],
      ]),
      activeKeyId: 'b',
    });
    expect(rotated.open(old, 'c')).toBe('before rotation');
    const fresh = rotated.seal('after rotation', 'c');
    expect(fresh.startsWith('v1.b.')).toBe(true);
    expect(() => a.open(fresh, 'c')).toThrow(/Unknown concern key id b/);
  });

  it('needs its active key in the ring', () => {
    expect(() => new Sealer({ keys: new Map([['a', keyA]]), activeKeyId: 'b' })).toThrow();
  });
});

describe('CONCERN_KEYS configuration', () => {
  const k = randomBytes(32).toString('base64');

  it('parses key ids and 32-byte keys', () => {
    const ring = parseKeyRing(`old:${k}, new:${k}`);
    expect([...(ring?.keys() ?? [])]).toEqual(['old', 'new']);
  });

  it.each([
    ['a short key', `a:${randomBytes(16).toString('base64')}`],
    ['a repeated id', `a:${k},a:${k}`],
    ['no id', `:${k}`],
    ['not base64', 'a:not*base64'],
  ])('refuses %s', (_case, value) => {
    expect(parseKeyRing(value)).toBeUndefined();
    expect(() => validateEnv({ CONCERN_KEYS: value })).toThrow(/CONCERN_KEYS/);
  });

  it('requires the active key id to be in the ring', () => {
    expect(() => validateEnv({ CONCERN_KEYS: `a:${k}`, CONCERN_ACTIVE_KEY_ID: 'b' })).toThrow(
      /CONCERN_ACTIVE_KEY_ID/,
    );
    expect(validateEnv({ CONCERN_KEYS: `a:${k}`, CONCERN_ACTIVE_KEY_ID: 'a' })).toMatchObject({
      CONCERN_ACTIVE_KEY_ID: 'a',
    });
  });
});
