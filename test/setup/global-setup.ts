import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../config/data-source';
import { ADMIN_DATABASE_URL, databaseUrlFor, newRunId } from './test-env';

/**
 * One database and one Redis key prefix per test run, so two runs never collide. The schema comes
 * from the migrations, exactly as in production. globalTeardown removes both.
 */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  const database = `vws_test_${runId}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const url = databaseUrlFor(database);
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();

  Object.assign(process.env, {
    DATABASE_URL: url,
    TEST_DATABASE_NAME: database,
    REDIS_PREFIX: `vws-test-${runId}`,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JWT_SECRET: `test-secret-${runId}-0123456789abcdef0123456789`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    SMS_DRIVER: 'log',
    // supertest connects over loopback; trusting it lets specs spread clients by X-Forwarded-For
    // (testIp). The default trusts no proxy: test/trust-proxy.e2e-spec.ts proves that.
    TRUST_PROXY: 'loopback',
  });
}
