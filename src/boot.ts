import Redis from 'ioredis';
import { ConfigurationError, Env } from '../config/env';
import { ensureDatabase, runMigrations } from './migrate';

/** A boot step failed for a reason the operator can fix; the message is one line that says which. */
export class BootError extends Error {
  override readonly name = 'BootError';
}

/** The URL with its password replaced, so it can be printed. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

const hostOf = (raw: string, defaultPort: number) => {
  try {
    const url = new URL(raw);
    return `${url.hostname}:${url.port || defaultPort}`;
  } catch {
    return 'an unparseable address';
  }
};

const reason = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  const message = (e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  return e.code && !message.includes(e.code) ? `${e.code} ${message}` : message;
};

const REDIS_CHECK_TIMEOUT_MS = 5_000;

/**
 * Reaches PostgreSQL (creating the database on a fresh laptop), applies migrations and pings
 * Redis before anything else starts: without this an unreachable PostgreSQL ended in a stack
 * trace naming neither variable nor host, and an unreachable Redis in a process that never came
 * up and said nothing.
 */
export async function prepareDependencies(env: Pick<Env, 'DATABASE_URL' | 'REDIS_URL'>) {
  const db = env.DATABASE_URL;
  try {
    await ensureDatabase(db);
  } catch (error) {
    throw new BootError(
      `DATABASE_URL: cannot use PostgreSQL at ${hostOf(db, 5432)} (${maskUrl(db)}): ${reason(error)}`,
    );
  }
  try {
    await runMigrations(db);
  } catch (error) {
    throw new BootError(`Migrations failed on ${maskUrl(db)}: ${reason(error)}`);
  }
  await checkRedis(env.REDIS_URL);
}

export async function checkRedis(url: string): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REDIS_CHECK_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The failure is reported once, below; without a listener ioredis prints its own stack.
  let cause: unknown;
  client.on('error', (error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new BootError(
      `REDIS_URL: cannot use Redis at ${hostOf(url, 6379)} (${maskUrl(url)}): ${reason(cause ?? error)}`,
    );
  } finally {
    client.disconnect();
  }
}

/** One line for stderr, whatever stopped the boot. */
export function bootFailureLine(error: unknown): string {
  if (error instanceof BootError || error instanceof ConfigurationError) return error.message;
  return `Boot failed: ${reason(error)}`;
}
