import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { concernsConfig } from '../../config/configuration';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts. The CHECK constraints match its prefix. */
const ENVELOPE =
  /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

export interface KeyRing {
  keys: ReadonlyMap<string, Buffer>;
  activeKeyId: string;
}

/**
 * Application-level encryption of safeguarding free text (AES-256-GCM). Each value is sealed on its
 * own with a fresh 96-bit IV, under the active key, and carries the key id, so keys rotate by adding
 * a new key and making it active while older ones stay listed for reading. The associated data
 * (`context`, e.g. `concern:<id>:details`) binds a ciphertext to its row and field: moved anywhere
 * else it no longer opens.
 */
export class Sealer {
  constructor(private readonly ring: KeyRing) {
    if (!ring.keys.has(ring.activeKeyId))
      throw new Error('The active concern key is not in the ring');
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.key(this.ring.activeKeyId), iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return ['v1', this.ring.activeKeyId, ...parts].join('.');
  }

  /** Throws when the envelope is malformed, its key unknown, or it was altered or moved. */
  open(envelope: string, context: string): string {
    const match = ENVELOPE.exec(envelope);
    if (!match) throw new Error('Not a sealed value');
    const [, keyId, iv, tag, body] = match;
    const decipher = createDecipheriv(ALGORITHM, this.key(keyId), Buffer.from(iv, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(body, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  }

  sealOptional(plaintext: string | null | undefined, context: string): string | null {
    return plaintext == null ? null : this.seal(plaintext, context);
  }

  openOptional(envelope: string | null, context: string): string | null {
    return envelope === null ? null : this.open(envelope, context);
  }

  private key(id: string): Buffer {
    const key = this.ring.keys.get(id);
    if (!key) throw new Error(`Unknown concern key id ${id}`);
    return key;
  }
}

/** The Sealer with the configured keys (`CONCERN_KEYS`, `CONCERN_ACTIVE_KEY_ID`). */
@Injectable()
export class ConcernCipher extends Sealer {
  constructor(@Inject(concernsConfig.KEY) config: ConfigType<typeof concernsConfig>) {
    super({ keys: config.keys, activeKeyId: config.activeKeyId });
  }
}
