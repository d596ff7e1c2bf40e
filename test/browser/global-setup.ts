import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import databaseSetup from '../setup/global-setup';

const root = join(__dirname, '..', '..');
// Written last by the web build (web/vite.config.ts pre-renders it after the bundle).
const built = join(root, 'dist', 'web', 'sign-in.html');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/**
 * The e2e project's setup: the per-run database and Redis prefix, then the web bundle and the
 * pre-rendered sign-in page, rebuilt only when web/ changed since the last build, so the browser
 * specs test the current pages.
 */
export default async function globalSetup(): Promise<void> {
  await databaseSetup();
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((p) => join(root, p));
  if (!existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs) {
    execFileSync(
      join(root, 'node_modules', '.bin', 'vite'),
      ['build', 'web', '--logLevel', 'warn'],
      // Jest sets NODE_ENV=test, which would bundle React's development build: test what ships.
      { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
}
