/**
 * First-load JavaScript budget: the entry chunk and everything it imports statically, gzipped,
 * read from Vite's build manifest. Lazy chunks (dynamic imports) load later and do not count.
 * The pre-rendered pages (sign-in.html) must load exactly the scripts index.html loads, so the
 * budget measured here is theirs too.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/** The scripts and module preloads a page's HTML loads, as dist/web paths. */
const scriptsOf = (html: string) =>
  [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+)"/g)]
    .map((match) => match[1])
    .sort();
const entryScripts = scriptsOf(readFileSync(join(dist, 'index.html'), 'utf8'));
const measured = [...seen].map((key) => manifest[key].file);
if (!entryScripts.length || entryScripts.some((file) => !measured.includes(file))) {
  console.log(`index.html loads ${entryScripts.join(', ')}, not the manifest's entry chunks`);
  process.exit(1);
}
for (const page of readdirSync(dist).filter((name) => /^(?!index\.).+\.html$/.test(name))) {
  const scripts = scriptsOf(readFileSync(join(dist, page), 'utf8'));
  if (scripts.join() !== entryScripts.join()) {
    console.log(`${page} loads ${scripts.join(', ')}; index.html loads ${entryScripts.join(', ')}`);
    process.exit(1);
  }
  console.log(`${page}: loads the same scripts as index.html`);
}

let total = 0;
for (const key of seen) {
  const size = gzipSync(readFileSync(join(dist, manifest[key].file)), { level: 9 }).length;
  total += size;
  console.log(`${manifest[key].file}: ${(size / 1024).toFixed(1)} KB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? 'within' : 'OVER';
console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the 170 KB budget`);
if (total > BUDGET_BYTES) process.exit(1);
