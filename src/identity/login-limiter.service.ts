import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { authConfig, redisConfig } from '../../config/configuration';
import { DomainError } from '../common/domain-error';
import { REDIS } from '../common/redis.module';
import { clientKey } from './client-address';

/** How long past locks are remembered for the doubling of the next one. */
export const STRIKE_MEMORY_SECONDS = 86_400;

export class TooManyAttemptsError extends DomainError {
  constructor(retryAfter: number, what = 'failed sign-in attempts') {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-attempts',
      'Too many failed attempts',
      `Too many ${what}; try again in ${retryAfter} seconds.`,
      { retryAfter },
    );
  }
}

/**
 * Which attempts a count is of: sign-ins, or the password-reset routes (asking for a link, and
 * using one), each counted apart so one never locks the other.
 */
export type LimitedAction = 'login' | 'reset' | 'reset-complete';

const WHAT: Record<LimitedAction, string> = {
  login: 'failed sign-in attempts',
  reset: 'requests for a password reset',
  'reset-complete': 'attempts to reset a password',
};

/**
 * Before a password is checked: refused (the milliseconds until the block lifts) if any scope is
 * locked, or if this attempt would pass a scope's limit, which then locks for LOCK * 2^(strikes-1)
 * seconds (at most LOCK_MAX). Otherwise the attempt is counted in every scope as a failure until
 * `succeeded` takes it back, so parallel guesses cannot all slip past the limit.
 * From a known device (ARGV[8] = 1) the account-wide lock does not refuse: it is the one lock a
 * stranger can put on the owner. The attempt still counts there, and the (account, IP) and IP
 * locks refuse it as any other.
 * KEYS: per scope (pair, account, ip) its failure counter, lock and strike count.
 * ARGV: the three limits, window, lock, lock max, strike memory (seconds), known device (0/1).
 */
const ATTEMPT = `
local known = ARGV[8] == '1'
local blocked = 0
for i = 0, 2 do
  local ttl = redis.call('PTTL', KEYS[i * 3 + 2])
  if ttl > blocked and not (known and i == 1) then blocked = ttl end
end
if blocked > 0 then return blocked end
for i = 0, 2 do
  local fails = KEYS[i * 3 + 1]
  if tonumber(redis.call('GET', fails) or '0') + 1 > tonumber(ARGV[i + 1]) then
    local strikes = redis.call('INCR', KEYS[i * 3 + 3])
    redis.call('EXPIRE', KEYS[i * 3 + 3], ARGV[7])
    local seconds = math.min(tonumber(ARGV[5]) * 2 ^ (strikes - 1), tonumber(ARGV[6]))
    seconds = math.floor(seconds)
    redis.call('SET', KEYS[i * 3 + 2], '1', 'EX', seconds)
    redis.call('DEL', fails)
    if seconds * 1000 > blocked and not (known and i == 1) then blocked = seconds * 1000 end
  end
end
if blocked > 0 then return blocked end
for i = 0, 2 do
  local fails = KEYS[i * 3 + 1]
  if redis.call('INCR', fails) == 1 then redis.call('EXPIRE', fails, ARGV[4]) end
end
return 0
`;

/**
 * After a right password: the account's failures and strikes (for this IP and overall) are
 * forgotten; the IP's counter only loses this attempt, so an attacker cannot clear their address
 * by signing in to an account of their own between guesses. While the account-wide lock holds (the
 * owner got in from a known device), its count and strikes stay: the stranger's next lock still
 * doubles.
 * KEYS: pair fails, pair strikes, account fails, account strikes, ip fails, account lock.
 */
const SUCCEEDED = `
redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('EXISTS', KEYS[6]) == 0 then
  redis.call('DEL', KEYS[3], KEYS[4])
elseif tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then
  redis.call('DECR', KEYS[3])
end
if tonumber(redis.call('GET', KEYS[5]) or '0') > 0 then redis.call('DECR', KEYS[5]) end
return 0
`;

const digest = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** The Redis keys of one (email, IP) attempt, by scope. Exported for the tests. */
export function loginLimitKeys(
  prefix: string,
  email: string,
  ip: string | undefined,
  action: LimitedAction = 'login',
) {
  const account = digest(email.trim().toLowerCase());
  const address = digest(clientKey(ip));
  const scope = (name: string, id: string) => ({
    fails: `${prefix}:${action}:${name}:${id}:fails`,
    lock: `${prefix}:${action}:${name}:${id}:lock`,
    strikes: `${prefix}:${action}:${name}:${id}:strikes`,
  });
  return {
    pair: scope('pair', `${account}:${address}`),
    account: scope('account', account),
    ip: scope('ip', address),
  };
}

/**
 * Login limits that stop guessing, not owners: only failures count, tightly per (account, IP),
 * loosely per account, and per IP across accounts; each lock doubles the last. Accounts are keyed
 * by their normalised email, so an unknown email is limited exactly like a known one.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(authConfig.KEY) private readonly auth: ConfigType<typeof authConfig>,
    @Inject(redisConfig.KEY) private readonly redisSettings: ConfigType<typeof redisConfig>,
  ) {}

  /**
   * Counts an attempt before the password is checked; throws TooManyAttemptsError when blocked.
   * `knownDevice`: the browser proved it signed in to this account before (known-device.ts).
   */
  async attempt(
    email: string,
    ip: string | undefined,
    knownDevice = false,
    action: LimitedAction = 'login',
  ): Promise<void> {
    const k = this.keys(email, ip, action);
    const blockedMs = (await this.redis.eval(
      ATTEMPT,
      9,
      ...[k.pair, k.account, k.ip].flatMap((s) => [s.fails, s.lock, s.strikes]),
      this.auth.loginMaxPerAccountIp,
      this.auth.loginMaxPerAccount,
      this.auth.loginMaxPerIp,
      this.auth.loginWindowSeconds,
      this.auth.loginLockSeconds,
      this.auth.loginLockMaxSeconds,
      STRIKE_MEMORY_SECONDS,
      knownDevice ? 1 : 0,
    )) as number;
    if (blockedMs > 0) throw new TooManyAttemptsError(Math.ceil(blockedMs / 1000), WHAT[action]);
  }

  /** The password was right: the attempt was not a failure after all. */
  async succeeded(
    email: string,
    ip: string | undefined,
    action: LimitedAction = 'login',
  ): Promise<void> {
    const k = this.keys(email, ip, action);
    const keys = [
      k.pair.fails,
      k.pair.strikes,
      k.account.fails,
      k.account.strikes,
      k.ip.fails,
      k.account.lock,
    ];
    await this.redis.eval(SUCCEEDED, keys.length, ...keys);
  }

  private keys(email: string, ip: string | undefined, action: LimitedAction) {
    return loginLimitKeys(this.redisSettings.prefix, email, ip, action);
  }
}
