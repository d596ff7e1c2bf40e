import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../config/data-source-options';

/** Any fixed number: the advisory lock that lets one process at a time apply migrations. */
const MIGRATION_LOCK = 4_242_001;

/** A host that drops packets would otherwise hold the boot forever. */
const CONNECT_TIMEOUT_MS = 10_000;

/** duplicate_database, or the catalog's unique index when two CREATE DATABASE race. */
const ALREADY_CREATED = new Set(['42P04', '23505']);

/**
 * Applies pending migrations before the application (and its queue processors) starts;
 * replicas starting together wait for each other on an advisory lock.
 */
export async function runMigrations(url: string): Promise<void> {
  const dataSource = await new DataSource({ ...dataSourceOptions(url), entities: [] }).initialize();
  try {
    await runLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function runLocked(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Creates the database named in `url` when the server has none of that name, so `npm start` works
 * on a fresh laptop PostgreSQL. Production databases are created by whoever provisions them.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await target.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  } finally {
    await target.end().catch(() => undefined);
  }
  const adminUrl = new URL(url);
  const name = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = '/postgres';
  const admin = new Client({
    connectionString: adminUrl.toString(),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } catch (error) {
    // Another replica (or CLI run) starting at the same moment created it: that is the goal.
    if (!ALREADY_CREATED.has((error as { code?: string }).code ?? '')) throw error;
  } finally {
    await admin.end();
  }
}
