import type { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem';

/** Methods that change nothing; every other one must come from our own pages (or no browser). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Twilio's webhooks are signed (TwilioSignatureGuard) and come from Twilio's servers, not a page. */
const SIGNED_ELSEWHERE = /^\/v1\/webhooks\/twilio\//;

/**
 * Routes a person's browser can be made to post without a bearer token: sign-in, the refresh
 * cookie's two routes, the links sent by email (confirm, password reset) and the signed links. They take JSON only, so a plain HTML form from another
 * site (urlencoded, multipart, text/plain) cannot reach them even from a browser that sends
 * neither Origin nor Sec-Fetch-Site.
 */
const JSON_ONLY =
  /^\/v1\/(?:auth\/(?:login|refresh|logout|confirm-email|password-reset(?:\/complete)?)|links\/[^/]+\/[^/]+)\/?$/;

const problem = (status: number, code: string, title: string, detail: string): Problem => ({
  type: `/problems/${code}`,
  title,
  status,
  detail,
});

const CROSS_SITE = problem(
  403,
  'cross-site-request',
  'Forbidden',
  'This request came from another website, so it was refused.',
);
const NOT_JSON = problem(
  415,
  'unsupported-media-type',
  'Unsupported Media Type',
  'Send this request as JSON (Content-Type: application/json).',
);

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/** Whether the browser that sent `req` says it came from a page of another site. */
function fromAnotherSite(req: Request, allowed: ReadonlySet<string>): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  // `null` (sandboxed frames, privacy redirects) is as foreign as any other site.
  return !allowed.has(origin) && origin !== `${req.protocol}://${req.get('host') ?? ''}`;
}

/** A body, or a declared type, that is not JSON. A bodiless POST without a type is fine. */
const notJson = (req: Request): boolean =>
  (req.headers['content-type'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0 ||
    req.headers['transfer-encoding'] !== undefined) &&
  req.is('application/json') !== 'application/json';

/**
 * Every state-changing request (POST, PUT, PATCH, DELETE) from a browser must come from our own
 * pages: `Sec-Fetch-Site: cross-site`, or an `Origin` that is neither PUBLIC_BASE_URL's nor the
 * request's own host, gets 403 `/problems/cross-site-request`. Clients that send neither header
 * (the SDK, curl, Twilio) are not browsers and pass. The sign-in, refresh, logout and signed-link
 * actions also refuse any body but JSON (415 `/problems/unsupported-media-type`). Both refusals
 * come before the body is read and before any handler, so nothing counts towards a login limit.
 */
export function sameOriginOnly(publicBaseUrl: string) {
  const allowed = new Set([originOf(publicBaseUrl)].filter((o): o is string => o !== null));
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method) || SIGNED_ELSEWHERE.test(req.path)) return next();
    const refusal = fromAnotherSite(req, allowed)
      ? CROSS_SITE
      : JSON_ONLY.test(req.path) && notJson(req)
        ? NOT_JSON
        : undefined;
    if (!refusal) return next();
    res.status(refusal.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(refusal));
  };
}
