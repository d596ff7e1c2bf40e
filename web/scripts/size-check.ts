/**
 * First-load JavaScript budget: the entry chunk and everything it imports statically, gzipped,
 * read from Vite's build manifest. Lazy chunks (dynamic imports) load later and do not count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 170 * 1024;
const dist = join(__dirname, '..', '..', 'dist', 'web');

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  Chunk
>;
const seen = new Set<string>();
const visit = (key: string) => {
  if (seen.has(key)) return;
  seen.add(key);
  manifest[key].imports?.forEach(visit);
};
Object.entries(manifest)
  .filter(([, chunk]) => chunk.isEntry)
  .forEach(([key]) => visit(key));

let total = 0;
for (const key of seen) {
  const size = gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length;
  total += size;
  console.log(`${manifest[key].file}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the 170 KB budget`);
if (total > BUDGET_BYTES) process.exit(1);
