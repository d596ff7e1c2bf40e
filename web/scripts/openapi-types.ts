/**
 * Writes web/src/api/schema.d.ts from the service's own OpenAPI document, so the web client is never
 * hand-typed. Boots the built app (dist/, which carries the Swagger plugin's metadata) on a free
 * port, reads /docs-json and runs openapi-typescript. `--check` fails when the committed file is stale.
 * Needs `npm run build` first, and PostgreSQL and Redis up (the app connects at boot).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface NestApp {
  listen(port: number, host: string): Promise<unknown>;
  getHttpServer(): { address(): AddressInfo };
  close(): Promise<void>;
}

const root = join(__dirname, '..', '..');
const committed = join(root, 'web/src/api/schema.d.ts');

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.LOG_LEVEL = 'silent';
  process.env.APP_ROLE = 'api';
  await import('reflect-metadata');
  const { AppModule } = (await import(join(root, 'dist/src/app.module'))) as {
    AppModule: { forRole: (role: string) => import('@nestjs/common').DynamicModule };
  };
  const { createHttpApp } = (await import(join(root, 'dist/src/http'))) as {
    createHttpApp: (
      module: unknown,
      options: import('@nestjs/common').NestApplicationOptions,
    ) => Promise<NestApp>;
  };
  const app = await createHttpApp(AppModule.forRole('api'), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  const document = await (await fetch(`http://127.0.0.1:${port}/docs-json`)).text();
  await app.close();

  const dir = mkdtempSync(join(tmpdir(), 'vws-openapi-'));
  const json = join(dir, 'openapi.json');
  writeFileSync(json, document);
  const out = check ? join(dir, 'schema.d.ts') : committed;
  const bin = (name: string) => join(root, 'node_modules/.bin', name);
  execFileSync(bin('openapi-typescript'), [json, '-o', out], { stdio: 'ignore' });
  // The project's Prettier options, also for the temporary file of --check (outside the tree).
  execFileSync(bin('prettier'), ['--config', join(root, '.prettierrc'), '--write', out], {
    stdio: 'ignore',
  });
  if (check && readFileSync(out, 'utf8') !== readFileSync(committed, 'utf8')) {
    console.error('web/src/api/schema.d.ts is stale: run `npm run web:types`');
    process.exit(1);
  }
  console.log(check ? 'web types are current' : `wrote ${committed}`);
  process.exit(0);
}

void main();
