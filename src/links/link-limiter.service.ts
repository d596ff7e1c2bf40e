import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { linksConfig, redisConfig } from '../../config/configuration';
import { DomainError } from '../common/domain-error';
import { REDIS } from '../common/redis.module';
import { clientKey } from '../identity/client-address';

export class TooManyLinkAttemptsError extends DomainError {
  constructor(retryAfter: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-attempts',
      'Too many attempts',
      `Too many link requests from this address; try again in ${retryAfter} seconds.`,
      { retryAfter },
    );
  }
}

/**
 * Counts the attempt before the code is looked up, so parallel guesses cannot slip past the
 * limit; answers the milliseconds until the window ends once the count passes the limit.
 * KEYS: the IP's counter. ARGV: limit, window (seconds).
 */
const ATTEMPT = `
local n = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2]) * 1000
end
if n > tonumber(ARGV[1]) then return ttl end
return 0
`;

/** A live link was opened: the attempt was not a guess after all. */
const SUCCEEDED = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
return 0
`;

/** The Redis key of one client's link attempts. Exported for the tests. */
export function linkLimitKey(prefix: string, ip: string | undefined): string {
  const address = createHash('sha256').update(clientKey(ip)).digest('hex').slice(0, 32);
  return `${prefix}:links:ip:${address}`;
}

/**
 * Per client IP (an IPv6 /64 as one), only requests that open no live link count: people on one
 * camp's wifi share an address, and their own links never use up its allowance. Guessing codes
 * (128 bits) is hopeless anyway; this keeps anyone from trying at volume.
 */
@Injectable()
export class LinkLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(linksConfig.KEY) private readonly config: ConfigType<typeof linksConfig>,
    @Inject(redisConfig.KEY) private readonly redisSettings: ConfigType<typeof redisConfig>,
  ) {}

  async attempt(ip: string | undefined): Promise<void> {
    const blockedMs = (await this.redis.eval(
      ATTEMPT,
      1,
      this.key(ip),
      this.config.maxFailuresPerIp,
      this.config.windowSeconds,
    )) as number;
    if (blockedMs > 0) throw new TooManyLinkAttemptsError(Math.ceil(blockedMs / 1000));
  }

  async succeeded(ip: string | undefined): Promise<void> {
    await this.redis.eval(SUCCEEDED, 1, this.key(ip));
  }

  private key(ip: string | undefined): string {
    return linkLimitKey(this.redisSettings.prefix, ip);
  }
}
