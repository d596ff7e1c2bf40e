import { randomBytes, randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { isE164 } from '../src/common/validators';

/** A name and a valid UK mobile number that no other test in this run uses. */
export function uniquePerson(): { name: string; phone: string } {
  const name = `Zelda Quorn-${randomBytes(5).toString('hex')}`;
  for (;;) {
    const phone = `+447911${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    if (isE164(phone)) return { name, phone };
  }
}

/**
 * Every text, citext, varchar, text[] and json(b) column of every table in the public schema that
 * holds any of the given values (case-insensitively, anywhere in the value): the real check that
 * erasure left nothing personal behind, whatever tables later modules add.
 */
export async function findValues(
  db: DataSource,
  values: string[],
): Promise<Array<{ table: string; column: string; value: string }>> {
  const columns = await db.query<Array<{ table_name: string; column_name: string }>>(
    `SELECT c.table_name, c.column_name
       FROM information_schema.columns c
       JOIN information_schema.tables t
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND c.udt_name IN ('text', 'citext', 'varchar', 'bpchar', 'json', 'jsonb', '_text', '_varchar')`,
  );
  const hits: Array<{ table: string; column: string; value: string }> = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const value of values) {
      const rows = await db.query<unknown[]>(
        `SELECT 1 FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%' LIMIT 1`,
        [value],
      );
      if (rows.length > 0) hits.push({ table, column, value });
    }
  }
  return hits;
}
