import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build, type Plugin } from 'vite';
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

/** What src/prerender.tsx exports, once built for Node. */
interface PrerenderModule {
  PRERENDERED_PATHS: readonly string[];
  ROUTE_PATTERNS: readonly string[];
  prerenderedFile: (path: string) => string;
  render: (path: string) => { html: string; title: string };
}

/**
 * index.html with `markup` inside #root, marked `data-prerendered` for main.tsx, and `title`. The
 * stylesheet is inlined: fetched beside the script, it shared slow 3G's bandwidth with it and held
 * the form back ~1 s (8 KB compressed, and a revalidated page costs nothing: it answers 304). The
 * rest (the Exit this page script and link, the crisis lines, the script tags) is untouched. The
 * "needs JavaScript" note moves out of #root, where React would otherwise find a stray element.
 */
function prerenderedPage(
  indexHtml: string,
  page: { path: string; html: string; title: string },
  readAsset: (path: string) => string,
): string {
  const open = '<div id="root">';
  const start = indexHtml.indexOf(open);
  if (start < 0 || indexHtml.includes(open, start + 1)) {
    throw new Error(`index.html must hold exactly one ${open}`);
  }
  const tags = /<div\b|<\/div>/g;
  tags.lastIndex = start + open.length;
  let depth = 1;
  let tag: RegExpExecArray | null = null;
  while (depth > 0 && (tag = tags.exec(indexHtml))) depth += tag[0] === '</div>' ? -1 : 1;
  if (!tag) throw new Error('index.html: #root is never closed');
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(indexHtml.slice(start, tag.index));
  const escapedPath = page.path.replace(/[^\w/-]/g, '');
  const withRoot =
    indexHtml.slice(0, start) +
    (noscript
      ? `<noscript><div class="govuk-width-container">${noscript[1]}</div></noscript>`
      : '') +
    `<div id="root" data-prerendered="${escapedPath}">${page.html}</div>` +
    indexHtml.slice(tag.index + '</div>'.length);
  return withRoot
    .replace(/<title>[^<]*<\/title>/, `<title>${page.title}</title>`)
    .replace(
      /<link rel="stylesheet"[^>]*href="\/(assets\/[\w.-]+\.css)"[^>]*>/g,
      (_tag, file: string) => {
        const css = readAsset(file);
        if (/<\/style|url\(\s*(?!['"]?(?:data:|\/))/i.test(css))
          throw new Error(`${file} holds </style or a relative url(): inline it differently`);
        return `<style>${css}</style>`;
      },
    );
}

/**
 * After the browser build, builds src/prerender.tsx for Node and writes a file in `dist/web` for
 * each page it renders (sign-in.html, and start.html for /): on slow 3G the form shows with the
 * HTML instead of after ~70 KB of script (issue #14). src/http.ts serves them; main.tsx hydrates.
 * It also writes routes.json, the router's path patterns, so src/web-root.ts answers 404 for
 * pages the router does not know.
 */
function prerender(): Plugin {
  return {
    name: 'vws-prerender',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    async writeBundle(options) {
      const outDir = options.dir!;
      // Inside the project, so the built module finds react and react-dom in node_modules.
      const ssrDir = join(__dirname, '..', 'node_modules', '.cache', 'vws-prerender');
      mkdirSync(ssrDir, { recursive: true });
      try {
        await build({
          configFile: false,
          root: __dirname,
          logLevel: 'warn',
          build: {
            ssr: 'src/prerender.tsx',
            outDir: ssrDir,
            emptyOutDir: true,
            target: 'node20',
            rolldownOptions: { output: { entryFileNames: '[name].mjs' } },
          },
        });
        const url = pathToFileURL(join(ssrDir, 'prerender.mjs'));
        url.search = `?built=${Date.now()}`; // a fresh module on each rebuild in one process
        const { PRERENDERED_PATHS, ROUTE_PATTERNS, prerenderedFile, render } = (await import(
          url.href
        )) as PrerenderModule;
        // The router's own patterns, so the server answers 404 for the pages it does not know.
        writeFileSync(join(outDir, 'routes.json'), JSON.stringify(ROUTE_PATTERNS));
        const indexHtml = readFileSync(join(outDir, 'index.html'), 'utf8');
        for (const path of PRERENDERED_PATHS) {
          const page = prerenderedPage(indexHtml, { path, ...render(path) }, (file) =>
            readFileSync(join(outDir, file), 'utf8'),
          );
          writeFileSync(join(outDir, prerenderedFile(path)), page);
        }
      } finally {
        rmSync(ssrDir, { recursive: true, force: true });
      }
    },
  };
}

// The SPA builds into the service's dist/, which Nest serves from the same origin (src/app.module.ts).
// No React plugin: Vite's own transform handles TSX with the automatic runtime, which is all we need.
export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [precompress(), prerender()],
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
