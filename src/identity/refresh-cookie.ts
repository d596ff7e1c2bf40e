import type { CookieOptions, Request, Response } from 'express';
import { ForbiddenError } from '../common/domain-error';

export const REFRESH_COOKIE = 'vws_refresh';
/** Only the refresh and logout routes ever receive the cookie. */
export const REFRESH_COOKIE_PATH = '/v1/auth';
/**
 * The header a page's fetch adds to refresh and logout. A cross-site form cannot set it, and a
 * cross-site fetch that sets it needs a CORS preflight this API never grants.
 */
export const CSRF_HEADER = 'x-requested-with';
/**
 * A non-secret flag beside the refresh cookie, readable by the page (not HttpOnly, Path=/): it says
 * only that a login may exist, so a signed-out page skips the refresh probe (and its 401). It
 * grants nothing; the refresh cookie is still what proves the login.
 */
export const SESSION_FLAG_COOKIE = 'vws_session';
export const CSRF_HEADER_VALUE = 'fetch';

export interface RefreshCookieSettings {
  refreshTtlSeconds: number;
  refreshCookieSecure: boolean;
}

const options = (settings: RefreshCookieSettings): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: settings.refreshCookieSecure,
  path: REFRESH_COOKIE_PATH,
});

const flagOptions = (settings: RefreshCookieSettings): CookieOptions => ({
  httpOnly: false,
  sameSite: 'strict',
  secure: settings.refreshCookieSecure,
  path: '/',
});

/** Sets the refresh cookie and, with the same lifetime, the page-readable `vws_session=1` flag. */
export function setRefreshCookie(res: Response, token: string, s: RefreshCookieSettings): void {
  const maxAge = s.refreshTtlSeconds * 1000;
  res.cookie(REFRESH_COOKIE, token, { ...options(s), maxAge });
  res.cookie(SESSION_FLAG_COOKIE, '1', { ...flagOptions(s), maxAge });
}

export function clearRefreshCookie(res: Response, s: RefreshCookieSettings): void {
  res.clearCookie(REFRESH_COOKIE, options(s));
  res.clearCookie(SESSION_FLAG_COOKIE, flagOptions(s));
}

/** The refresh token the browser sent, if any (no cookie parser: this is the one cookie read). */
export function readRefreshCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=');
  }
  return undefined;
}

export function requireCsrfHeader(req: Request): void {
  if (req.headers[CSRF_HEADER]?.toString().toLowerCase() !== CSRF_HEADER_VALUE) {
    throw new ForbiddenError(
      'csrf-header-missing',
      `This request must carry the header X-Requested-With: ${CSRF_HEADER_VALUE}.`,
    );
  }
}
