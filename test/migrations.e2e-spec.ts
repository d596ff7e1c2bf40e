import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../config/data-source-options';
import { ensureDatabase, runMigrations } from '../src/migrate';
import { ADMIN_DATABASE_URL, databaseUrlFor, newRunId } from './setup/test-env';

const migrationFiles = readdirSync(join(__dirname, '..', 'migrations')).filter((f) =>
  f.endsWith('.ts'),
);

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

/** Tables of the schema other than TypeORM's own bookkeeping. */
const tables = (url: string) =>
  query<{ tablename: string }>(
    url,
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
  ).then((rows) => rows.map((r) => r.tablename));

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
    await expect(Promise.all([boot(), boot()])).resolves.toBeDefined();
    const names = await applied(url);
    expect(names).toHaveLength(migrationFiles.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it('reverts every migration down to an empty schema, then applies them all again', async () => {
    const dataSource = await new DataSource({
      ...dataSourceOptions(url),
      entities: [],
    }).initialize();
    try {
      const before = (await applied(url)).length;
      expect(before).toBe(migrationFiles.length);
      for (let left = before; left > 0; left--) {
        await dataSource.undoLastMigration({ transaction: 'each' });
        expect(await applied(url)).toHaveLength(left - 1);
      }
      expect(await tables(url)).toEqual([]);

      const reapplied = await dataSource.runMigrations({ transaction: 'each' });
      expect(reapplied).toHaveLength(migrationFiles.length);
      expect(await tables(url)).not.toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
