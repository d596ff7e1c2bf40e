import type { Request, Response } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A browser that has signed in to an account before carries that account's tag in this cookie.
 * While a stranger's failures hold the account-wide login lock, the right password from such a
 * browser still gets in (LoginLimiter): the owner proves they are the owner by their device.
 */
export const KNOWN_DEVICE_COOKIE = 'vws_device';
/** Only sign-in ever receives it. */
export const KNOWN_DEVICE_PATH = '/v1/auth/login';
/** Long enough to outlast an attack; a password change or any revocation forgets it sooner. */
export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 86_400;
/** Accounts remembered per browser (a shared family computer), newest first. */
const MAX_TAGS = 5;
const TAG = /^[A-Za-z0-9_-]{22}$/;

export interface KnownDeviceSettings {
  jwtSecret: string;
  refreshCookieSecure: boolean;
}

/**
 * HMAC(account id, token version) under a key derived from JWT_SECRET for this purpose alone, 128
 * bits: it names no account to whoever reads it, cannot be forged, and dies when the version
 * moves (password change, suspension, erasure), so those also forget every known device.
 */
export function deviceTag(
  settings: Pick<KnownDeviceSettings, 'jwtSecret'>,
  account: { id: string; tokenVersion: number },
): string {
  const key = createHmac('sha256', settings.jwtSecret).update('vws known-device key v1').digest();
  return createHmac('sha256', key)
    .update(`${account.id}|${account.tokenVersion}`)
    .digest('base64url')
    .slice(0, 22);
}

/** The tags the browser sent (no cookie parser: the auth cookies are read by hand). */
export function readDeviceTags(req: Request): string[] {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === KNOWN_DEVICE_COOKIE) {
      return value
        .join('=')
        .split('.')
        .filter((tag) => TAG.test(tag))
        .slice(0, MAX_TAGS);
    }
  }
  return [];
}

export function isKnownDevice(tags: readonly string[], expected: string): boolean {
  const want = Buffer.from(expected);
  return tags.some((tag) => {
    const given = Buffer.from(tag);
    return given.length === want.length && timingSafeEqual(given, want);
  });
}

/** Puts `tag` first in the browser's cookie, keeping a few other accounts' tags. */
export function rememberDevice(
  req: Request,
  res: Response,
  tag: string,
  settings: KnownDeviceSettings,
): void {
  const tags = [tag, ...readDeviceTags(req).filter((t) => t !== tag)].slice(0, MAX_TAGS);
  res.cookie(KNOWN_DEVICE_COOKIE, tags.join('.'), {
    httpOnly: true,
    sameSite: 'strict',
    secure: settings.refreshCookieSecure,
    path: KNOWN_DEVICE_PATH,
    maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS * 1000,
  });
}
