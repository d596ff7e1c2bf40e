/**
 * Self time of a V8 `.cpuprofile` (from `npm run bench -- --cpu-prof=DIR`) by package and by
 * function, the top of each as Markdown: where the API's CPU went under the booking load.
 *
 *   npx ts-node --transpile-only bench/profile-summary.ts [--from=S --to=S] DIR/*.cpuprofile
 *
 * `--from`/`--to` keep the samples taken that many seconds after the profile started (the bench
 * log's times, less the process start in the profile's file name): one phase of the bench.
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function packageOf(url: string): string {
  if (!url) return '(native / idle / gc)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return 'node: core';
  const src = /\/dist\/(src\/[^/]+)/.exec(url);
  return src ? `ours: ${src[1]}` : url.replace(/^file:\/\//, '');
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const from = Number(arg('from') ?? 0) * 1e6;
const to = Number(arg('to') ?? Infinity) * 1e6;

function summarise(path: string, top = 20): string {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (at >= from && at < to) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id)!;
    const pkg = packageOf(f.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const where = pkg.startsWith('ours') ? f.url.replace(/^.*\/dist\//, '') : pkg;
    const name = `${f.functionName || '(anonymous)'} — ${where}${f.url ? `:${f.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const table = (title: string, m: Map<string, number>) =>
    [
      `| ${title} | self ms | share |`,
      '|---|---|---|',
      ...[...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(
          ([k, us]) =>
            `| ${k} | ${(us / 1000).toFixed(0)} | ${((100 * us) / total).toFixed(1)} % |`,
        ),
    ].join('\n');
  return [
    `${path.replace(/^.*\//, '')}: ${(total / 1e6).toFixed(1)} s sampled${arg('from') ? ` from ${arg('from')} s to ${arg('to')} s` : ''}`,
    '',
    table('package', byPackage),
    '',
    table('function', byFunction),
  ].join('\n');
}

for (const path of process.argv.slice(2).filter((a) => !a.startsWith('--')))
  console.log(`${summarise(path)}\n`);
