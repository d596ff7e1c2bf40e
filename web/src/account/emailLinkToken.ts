/**
 * The token of a link mailed to the person: it comes after `#token=`, so it never reaches a
 * server log or a Referer. Read once, then dropped from the address bar and the history.
 */
export function takeLinkToken(): string | null {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (window.location.hash) {
    window.history.replaceState(
      window.history.state,
      '',
      window.location.pathname + window.location.search,
    );
  }
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
