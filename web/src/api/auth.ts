/**
 * The browser session. The access token lives in this module only (never localStorage: devices may
 * be shared); the refresh token is an HttpOnly cookie the page cannot read. We refresh on start (to
 * restore a session after a reload) when the server's `vws_session` flag says a login may exist,
 * shortly before expiry, and once after a 401.
 */
import { useSyncExternalStore } from 'react';

export type Role = 'volunteer' | 'therapist' | 'buddy' | 'coordinator';

export interface Session {
  userId: string;
  role: Role;
}

type State = { status: 'unknown' } | { status: 'signedOut' } | ({ status: 'signedIn' } & Session);

let state: State = { status: 'unknown' };
let accessToken: string | null = null;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

/** Refresh this long before the token expires, so a request never goes out with a stale one. */
const REFRESH_MARGIN_MS = 60_000;

function setState(next: State): void {
  state = next;
  listeners.forEach((listener) => listener());
}

/** Reads the JWT's claims for routing only; the server verifies the token on every call. */
function claims(token: string): Session | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))) as {
      sub?: string;
      role?: Role;
    };
    return payload.sub && payload.role ? { userId: payload.sub, role: payload.role } : null;
  } catch {
    return null;
  }
}

/** Keeps a token from login or refresh and schedules the next refresh. */
export function acceptToken(token: { accessToken: string; expiresIn: number }): void {
  const session = claims(token.accessToken);
  if (!session) return forget();
  accessToken = token.accessToken;
  clearTimeout(refreshTimer);
  const delay = Math.max(token.expiresIn * 1000 - REFRESH_MARGIN_MS, 5_000);
  refreshTimer = setTimeout(() => void refresh(), delay);
  setState({ status: 'signedIn', ...session });
}

export function forget(): void {
  accessToken = null;
  clearTimeout(refreshTimer);
  setState({ status: 'signedOut' });
}

// Exit this page (the inline script in index.html) drops the token before it leaves.
declare global {
  interface Window {
    vwsForget?: () => void;
  }
}
if (typeof window !== 'undefined') window.vwsForget = forget;

export function currentToken(): string | null {
  return accessToken;
}

/**
 * Asks for a new access token with the refresh cookie. Any failure (401, or 404 where the server has
 * no refresh route yet) means signed out. Concurrent callers share one request.
 */
export function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/v1/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-Requested-With': 'fetch' },
      });
      if (!res.ok) {
        forget();
        return false;
      }
      acceptToken((await res.json()) as { accessToken: string; expiresIn: number });
      return true;
    } catch {
      forget();
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/**
 * The server sets the non-secret `vws_session=1` cookie beside the HttpOnly refresh cookie and clears
 * it on logout or a failed refresh. Without it there is no login to restore.
 */
function loginMayExist(): boolean {
  return document.cookie.split(';').some((part) => part.trim() === 'vws_session=1');
}

/**
 * On start: restores the session with a refresh when a login may exist; otherwise signed out at
 * once, with no request (a refresh without a cookie would only log a 401 in the console).
 */
export function restore(): Promise<boolean> {
  if (loginMayExist()) return refresh();
  forget();
  return Promise.resolve(false);
}

export async function signOut(): Promise<void> {
  try {
    await fetch('/v1/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'X-Requested-With': 'fetch',
        ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}),
      },
    });
  } finally {
    forget();
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const UNKNOWN: State = { status: 'unknown' };

/**
 * The session; 'unknown' on the pre-rendered sign-in page and while React hydrates it (the
 * refresh starts after), so the first render in the browser matches the HTML.
 */
export function useSession(): State {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => UNKNOWN,
  );
}
