import type { NextFunction, Request, Response } from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROBLEM_CONTENT_TYPE, toProblem } from './common/problem';
import { DomainError } from './common/domain-error';
import { inlineSources, InlineSources, mergeSources } from './common/security-headers';

/** Paths the API answers; everything else on the origin belongs to the web app. */
export const API_PATHS = ['/v1', '/docs', '/docs-json', '/health', '/admin'] as const;

const isApiPath = (path: string) =>
  API_PATHS.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** Every file under `dir`, as the URL path that names it (`/assets/index-x.js`). */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith('.') ? [] : filesUnder(root, path);
    return [`/${relative(root, path).split(sep).join('/')}`];
  });
}

/**
 * The inline code of every HTML page the web root serves (index.html and each pre-rendered page,
 * whatever pages the build wrote), for the Content-Security-Policy's hashes.
 */
export function webRootInlineSources(webRoot: string): InlineSources {
  const pages = filesUnder(webRoot).filter((path) => path.endsWith('.html'));
  return mergeSources(
    pages.map((path) => inlineSources(readFileSync(join(webRoot, path), 'utf8'))),
  );
}

/**
 * The web app's route patterns (`/volunteer/sessions/:id`), which the web build writes to
 * routes.json from the very list its router uses (web/src/app/App.tsx, web/vite.config.ts).
 */
export function webRoutePatterns(webRoot: string): string[] {
  const file = join(webRoot, 'routes.json');
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: rebuild the web app (npm run web:build)`);
  }
  const patterns: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(patterns) || !patterns.every((p) => typeof p === 'string' && p[0] === '/')) {
    throw new Error(`${file} must be a list of paths`);
  }
  return patterns as string[];
}

/** Whether `path` matches `pattern` as the web app's router matches it (web/src/app/router.tsx). */
export function matchesRoute(pattern: string, path: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  return (
    want.length === got.length && want.every((part, i) => part.startsWith(':') || part === got[i])
  );
}

/** A request for a file rather than a page: under /assets/, or a last segment with an extension. */
const looksLikeFile = (path: string) =>
  path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));

/**
 * What the web root answers besides its files and its pages (issue #21). An unknown file
 * (`/assets/old-chunk.js`, `/app.js.map`) is 404 problem+json, never the app's HTML, so a stale
 * chunk fails plainly instead of being run as HTML. An unknown page is the app's shell with 404:
 * the router shows its own "Page not found" while the status tells crawlers and tools the truth.
 * Known files and pages go on to the static handler unchanged.
 */
export function webRootFallbacks(webRoot: string) {
  const files = new Set(filesUnder(webRoot));
  const routes = webRoutePatterns(webRoot);
  const shell = readFileSync(join(webRoot, 'index.html'));
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const path = req.path;
    if (isApiPath(path) || files.has(path)) return next();
    if (routes.some((pattern) => matchesRoute(pattern, path))) return next();
    if (looksLikeFile(path)) {
      const problem = toProblem(new DomainError(404, 'not-found', 'Not found', 'No such file.'));
      res.status(404).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
      return;
    }
    // Fetched fresh each time, like index.html from the static handler.
    res.status(404).type('html').setHeader('Cache-Control', 'no-cache');
    res.send(shell);
  };
}
