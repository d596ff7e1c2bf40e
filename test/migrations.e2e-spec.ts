import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../config/data-source-options';
import { ensureDatabase, runMigrations } from '../src/migrate';
import { ADMIN_DATABASE_URL, databaseUrlFor, newRunId } from './setup/test-env';

/**
 * The migrations in migrations/, oldest first, by the name TypeORM records for each:
 * `<timestamp>-<Name>.ts` holds the class `<Name><timestamp>`.
 */
const migrationNames = readdirSync(join(__dirname, '..', 'migrations'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => {
    const [, timestamp, name] = /^(\d+)-(\w+)\.ts$/.exec(file) ?? [];
    if (!timestamp) throw new Error(`migrations/${file} is not named <timestamp>-<Name>.ts`);
    return { timestamp: Number(timestamp), name: `${name}${timestamp}` };
  })
  .sort((a, b) => a.timestamp - b.timestamp)
  .map((migration) => migration.name);

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const applied = (url: string) =>
  query<{ name: string }>(url, 'SELECT name FROM migrations ORDER BY id').then((rows) =>
    rows.map((r) => r.name),
  );

/**
 * What the migrations made in the public schema, other than TypeORM's own bookkeeping and what
 * extensions own: tables and their columns, constraints, indexes, enum types, functions and
 * triggers, each with its definition as PostgreSQL prints it.
 */
async function schema(url: string) {
  const mine = `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e')`;
  const [columns, constraints, indexes, enums, functions, triggers] = await Promise.all([
    query(
      url,
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
         FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> 'migrations'
        ORDER BY table_name, column_name`,
    ),
    query(
      url,
      `SELECT o.conrelid::regclass::text AS "table", o.conname, pg_get_constraintdef(o.oid) AS def
         FROM pg_constraint o
        WHERE o.connamespace = 'public'::regnamespace AND o.conrelid::regclass::text <> 'migrations'
        ORDER BY 1, 2`,
    ),
    query(
      url,
      `SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1, 2`,
    ),
    query(
      url,
      `SELECT o.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
         FROM pg_type o JOIN pg_enum e ON e.enumtypid = o.oid
        WHERE o.typnamespace = 'public'::regnamespace AND ${mine}
        GROUP BY 1 ORDER BY 1`,
    ),
    query(
      url,
      `SELECT o.proname, pg_get_functiondef(o.oid) AS def FROM pg_proc o
        WHERE o.pronamespace = 'public'::regnamespace AND ${mine} ORDER BY 1, 2`,
    ),
    query(
      url,
      `SELECT o.tgrelid::regclass::text AS "table", o.tgname, pg_get_triggerdef(o.oid) AS def
         FROM pg_trigger o WHERE NOT o.tgisinternal ORDER BY 1, 2`,
    ),
  ]);
  return { columns, constraints, indexes, enums, functions, triggers };
}

const EMPTY_SCHEMA = {
  columns: [],
  constraints: [],
  indexes: [],
  enums: [],
  functions: [],
  triggers: [],
};

describe('migrations', () => {
  const name = `vws_test_migrations_${newRunId()}`;
  const url = databaseUrlFor(name);

  afterAll(() => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));

  it('two runners starting together on a fresh server both succeed, applying each migration once', async () => {
    // As two replicas booting at once do: both create the database if missing, then migrate.
    const boot = async () => {
      await ensureDatabase(url);
      await runMigrations(url);
    };
    await Promise.all([boot(), boot()]);
    // Every file in migrations/, in order, once each: not one skipped, run twice or unknown.
    expect(await applied(url)).toEqual(migrationNames);
  });

  it('reverts every migration down to an empty schema, then applies them all again to the same schema', async () => {
    const dataSource = await new DataSource({
      ...dataSourceOptions(url),
      entities: [],
    }).initialize();
    try {
      expect(await applied(url)).toEqual(migrationNames);
      const migrated = await schema(url);
      expect(migrated.columns.length).toBeGreaterThan(0);
      for (let left = migrationNames.length; left > 0; left--) {
        await dataSource.undoLastMigration({ transaction: 'each' });
        expect(await applied(url)).toEqual(migrationNames.slice(0, left - 1));
      }
      expect(await schema(url)).toEqual(EMPTY_SCHEMA);

      const reapplied = await dataSource.runMigrations({ transaction: 'each' });
      expect(reapplied.map((migration) => migration.name)).toEqual(migrationNames);
      expect(await schema(url)).toEqual(migrated);
    } finally {
      await dataSource.destroy();
    }
  });
});
