import Redis from 'ioredis';
import { Env } from '../config/env';
import { BootError, hostOf, maskUrl, reason } from './boot-errors';
import { ensureDatabase, runMigrations } from './migrate';

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
