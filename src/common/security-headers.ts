import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The browser-facing security headers of every response (issue #21), from helmet: a
 * Content-Security-Policy with no 'unsafe-inline', `frame-ancestors 'none'` and X-Frame-Options,
 * nosniff, Referrer-Policy, and HSTS in production only.
 *
 * Inline code is allowed by its hash, computed from the HTML actually served: the web app's pages
 * (the "Exit this page" script of index.html, the stylesheet the pre-render inlines) are hashed
 * once at start-up from the built files; HTML a library sends itself (Swagger UI at /docs, the
 * queue dashboard at /admin) is hashed as it is sent, so the policy always fits the page, plus,
 * for Swagger UI, the one `<style>` its script adds (its logo), read from that script.
 */

/** The inline code in a page that a CSP without 'unsafe-inline' must allow one by one. */
export interface InlineSources {
  /** The text of each `<script>` without `src`. */
  scripts: string[];
  /** The text of each `<style>` element. */
  styles: string[];
  /** The value of each `style="…"` attribute in the markup (not inside scripts). */
  styleAttributes: string[];
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
const STYLE_ATTRIBUTE = /<[a-z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#x27;': "'",
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

/** Every inline script, style element and style attribute of `html`, as the browser hashes them. */
export function inlineSources(html: string): InlineSources {
  const scripts: string[] = [];
  for (const [, attributes, text] of html.matchAll(INLINE_SCRIPT)) {
    if (!/\ssrc\s*=/i.test(attributes) && text.trim() !== '') scripts.push(text);
  }
  const styles = [...html.matchAll(STYLE_ELEMENT)].map((m) => m[1]);
  // Attributes are looked for in the markup only: a script's string may hold `style="…"` text.
  const markup = html.replace(INLINE_SCRIPT, '').replace(STYLE_ELEMENT, '');
  const styleAttributes = [...markup.matchAll(STYLE_ATTRIBUTE)].map((m) =>
    (m[1] ?? m[2]).replace(/&(?:amp|quot|#x27|#39|lt|gt);/g, (e) => ENTITIES[e]),
  );
  return { scripts, styles, styleAttributes };
}

/** Merges the inline sources of several pages (one policy serves all the web app's pages). */
export function mergeSources(all: InlineSources[]): InlineSources {
  return {
    scripts: all.flatMap((s) => s.scripts),
    styles: all.flatMap((s) => s.styles),
    styleAttributes: all.flatMap((s) => s.styleAttributes),
  };
}

const hashSource = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const hashes = (texts: string[]) => [...new Set(texts.map(hashSource))];

/**
 * The policy's directives for pages whose inline code is `sources`. Everything else comes from
 * this origin only; nothing may frame the service, post its forms elsewhere or set a <base>.
 */
export function cspDirectives(
  sources: InlineSources,
  production: boolean,
): Record<string, string[]> {
  const attributes = hashes(sources.styleAttributes);
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // data: for the empty favicon (index.html) and the icons in Swagger UI's stylesheet.
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'", ...hashes(sources.scripts)],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", ...hashes(sources.styles)],
    // React sets style props through the CSSOM, which CSP does not govern; only attributes
    // written in the HTML itself need allowing, each by its hash.
    'style-src-attr': attributes.length > 0 ? ["'unsafe-hashes'", ...attributes] : ["'none'"],
    ...(production ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The directives as one header value. */
export function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** A year, the least the HSTS preload list asks for; the service does not ask to be preloaded. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * helmet with the web app's policy (`pages`: the inline code of every page the web root serves) on
 * every response, and for HTML a library sends with `res.send` (Swagger UI, the queue dashboard),
 * a policy computed from that HTML instead.
 */
export function securityHeaders(options: {
  pages: InlineSources;
  production: boolean;
}): RequestHandler[] {
  const { production } = options;
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: cspDirectives(options.pages, production),
    },
    strictTransportSecurity: production
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true }
      : false,
    xFrameOptions: { action: 'deny' },
    // The signed links' codes are credentials in the URL: never sent on to another site.
    referrerPolicy: { policy: 'no-referrer' },
  });
  return [headers, policyFromSentHtml(production)];
}

/**
 * The `<style>` elements a bundle creates at run time with React (`createElement("style",null,
 * "…")`), which are inline styles to CSP like any other.
 */
export function bundledStyleElements(bundle: string): string[] {
  return [...bundle.matchAll(/createElement\("style",null,("(?:[^"\\]|\\.)*")\)/g)].map(
    (m) => JSON.parse(m[1]) as string,
  );
}

/**
 * Inline code Swagger UI adds to its page after load: its top bar's logo is an SVG holding one
 * `<style>`. Read once, on the first /docs page, from the very scripts /docs serves, so its hash
 * follows an upgrade of swagger-ui-dist.
 */
let swaggerUiRuntime: InlineSources | undefined;
function swaggerUiRuntimeSources(): InlineSources {
  if (swaggerUiRuntime) return swaggerUiRuntime;
  // The copy @nestjs/swagger serves at /docs, resolved from it.
  const dist = dirname(
    require.resolve('swagger-ui-dist/package.json', {
      paths: [dirname(require.resolve('@nestjs/swagger'))],
    }),
  );
  const styles = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js'].flatMap((file) =>
    bundledStyleElements(readFileSync(join(dist, file), 'utf8')),
  );
  swaggerUiRuntime = { scripts: [], styles, styleAttributes: [] };
  return swaggerUiRuntime;
}

/** Replaces the policy of an HTML body sent by `res.send` with one computed from that body. */
function policyFromSentHtml(production: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      const type = res.getHeader('Content-Type');
      const html =
        typeof body === 'string' && (type === undefined || /^text\/html\b/.test(String(type)));
      if (html && !res.headersSent) {
        const sent = inlineSources(body);
        const docs = req.path === '/docs' || req.path.startsWith('/docs/');
        const sources = docs ? mergeSources([sent, swaggerUiRuntimeSources()]) : sent;
        const policy = serializeCsp(cspDirectives(sources, production));
        res.setHeader('Content-Security-Policy', policy);
      }
      return send(body);
    };
    next();
  };
}
