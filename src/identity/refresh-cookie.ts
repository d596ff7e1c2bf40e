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

export function setRefreshCookie(res: Response, token: string, s: RefreshCookieSettings): void {
  res.cookie(REFRESH_COOKIE, token, { ...options(s), maxAge: s.refreshTtlSeconds * 1000 });
}

export function clearRefreshCookie(res: Response, s: RefreshCookieSettings): void {
  res.clearCookie(REFRESH_COOKIE, options(s));
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
