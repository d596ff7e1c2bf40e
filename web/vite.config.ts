import { defineConfig } from 'vitest/config';

// The SPA builds into the service's dist/, which Nest serves from the same origin (src/app.module.ts).
// No React plugin: Vite's own transform handles TSX with the automatic runtime, which is all we need.
export default defineConfig({
  root: __dirname,
  base: '/',
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
