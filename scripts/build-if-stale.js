// Builds dist/ when it is missing or older than any source file, so `npm run cli` runs compiled
// code (about a second) rather than compiling TypeScript on every call (about ten).
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'dist', 'src', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['src', 'config', 'migrations'].map((dir) => newestSource(join(root, dir)));
if (!existsSync(built) || Math.max(...sources) > statSync(built).mtimeMs) {
  process.stderr.write('Building dist/ first (sources changed since the last build)...\n');
  execSync('npx nest build', { cwd: root, stdio: ['ignore', 2, 2] });
}
