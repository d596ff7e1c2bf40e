/**
 * Records every statement the process sends to PostgreSQL through `pg` while `recording` is on:
 * the statements of one real booking, counted for the profile and replayed verbatim by the
 * raw-PostgreSQL reference.
 */
import { Client } from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

let log: Statement[] | null = null;
type Query = (this: Client, ...args: unknown[]) => unknown;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
const original = Client.prototype.query as unknown as Query;

(Client.prototype as unknown as { query: Query }).query = function (this: Client, ...args) {
  if (log) {
    const [first, second] = args;
    if (typeof first === 'string') {
      log.push({ text: first, values: Array.isArray(second) ? [...(second as unknown[])] : [] });
    } else if (first && typeof first === 'object' && 'text' in first) {
      const q = first as { text: string; values?: unknown[] };
      log.push({ text: q.text, values: [...(q.values ?? [])] });
    }
  }
  return original.apply(this, args);
};

export async function recordStatements(work: () => Promise<unknown>): Promise<Statement[]> {
  log = [];
  try {
    await work();
    return log;
  } finally {
    log = null;
  }
}
