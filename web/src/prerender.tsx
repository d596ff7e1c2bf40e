/**
 * The sign-in page rendered to HTML at build time (issue #14: on slow 3G the form must show before
 * the ~70 KB of script arrives), at /sign-in and at / (which shows the same form until the session
 * is known, app/App.tsx). vite.config.ts builds this module for Node and writes
 * dist/web/sign-in.html and dist/web/start.html from its output; src/http.ts serves them at
 * /sign-in and /, and main.tsx hydrates them. The tree must stay the one main.tsx renders, or React
 * throws the HTML away.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app/App';
import { setRenderedPath } from './app/router';
import { SERVICE_NAME } from './components/Page';

// The server answers 404 for any other page path (src/web-root.ts): vite.config.ts writes these.
export { ROUTE_PATTERNS } from './app/App';

/** Pages rendered at build time: ones a signed-out visitor opens first and that read no data. */
export const PRERENDERED_PATHS = ['/', '/sign-in'] as const;

/** The file in dist/web that holds `path`'s HTML; src/http.ts reads the names back the same way. */
export function prerenderedFile(path: (typeof PRERENDERED_PATHS)[number]): string {
  return path === '/' ? 'start.html' : `${path.slice(1)}.html`;
}

/**
 * The markup inside #root for `path`, as a signed-out visitor sees it before any query is read,
 * and the tab title Page would set once the script runs.
 */
export function render(path: (typeof PRERENDERED_PATHS)[number]): { html: string; title: string } {
  setRenderedPath(path);
  const html = renderToString(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  const heading = /<h1[^>]*>([^<]+)<\/h1>/.exec(html)?.[1];
  if (!heading) throw new Error(`prerender: ${path} rendered no h1`);
  return { html, title: `${heading} – ${SERVICE_NAME}` };
}
