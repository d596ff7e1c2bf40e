import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Writes `name.br` beside each JS and CSS file at brotli's highest level, which is too slow to run
 * per request: the service sends it to browsers that accept brotli (src/http.ts). On slow 3G the
 * entry chunk is most of the wait for the sign-in form (issue #14).
 */
function precompress(): Plugin {
  return {
    name: 'vws-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))) {
        const path = join(options.dir!, file);
        const raw = readFileSync(path);
        const params = {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        };
        writeFileSync(`${path}.br`, brotliCompressSync(raw, { params }));
      }
    },
  };
}

// The SPA builds into the service's dist/, which Nest serves from the same origin (src/app.module.ts).
// No React plugin: Vite's own transform handles TSX with the automatic runtime, which is all we need.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [precompress()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
  css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import'] } } },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
  },
});
