import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../config/data-source';
import { ADMIN_DATABASE_URL, databaseUrlFor } from './setup/test-env';

/**
 * A database and Redis prefix of this spec file's own, inside the run's (dropped at the end, and
 * under the run's prefix, which the global teardown clears). For specs that run queue workers:
 * a worker sweeps every due row in its database and takes every job under its prefix, so sharing
 * them with other spec files running at the same time would let those files' workers (or these)
 * deliver each other's messages.
 */
export async function isolateDatabaseAndRedis(label: string): Promise<{
  databaseUrl: string;
  redisPrefix: string;
  flushRedis(): Promise<number>;
  drop(): Promise<void>;
}> {
  const runDatabase = process.env.TEST_DATABASE_NAME ?? 'vws_test';
  const runPrefix = process.env.REDIS_PREFIX ?? 'vws-test';
  const database = `${runDatabase}_${label}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const databaseUrl = databaseUrlFor(database);
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();

  const redisPrefix = `${runPrefix}:${label}`;
  process.env.DATABASE_URL = databaseUrl;
  process.env.REDIS_PREFIX = redisPrefix;

  return {
    databaseUrl,
    redisPrefix,
    /** Deletes every key of this file's prefix (and nothing else in the shared Redis). */
    async flushRedis() {
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      let deleted = 0;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
        if (keys.length > 0) deleted += await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
      return deleted;
    },
    async drop() {
      const client = new Client({ connectionString: ADMIN_DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await client.end();
    },
  };
}
