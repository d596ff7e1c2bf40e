import { ConfigurationError } from '../config/env';

/** A boot step failed for a reason the operator can fix; the message is one line that says which. */
export class BootError extends Error {
  override readonly name = 'BootError';
}

/** The URL with its password replaced, so it can be printed. */
export function maskUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export const hostOf = (raw: string, defaultPort: number) => {
  try {
    const url = new URL(raw);
    return `${url.hostname}:${url.port || defaultPort}`;
  } catch {
    return 'an unparseable address';
  }
};

export const reason = (error: unknown) => {
  const e = error as { code?: string; message?: string };
  const message = (e.message ?? String(error)).replace(/\s+/g, ' ').trim();
  return e.code && !message.includes(e.code) ? `${e.code} ${message}` : message;
};

/** One line for stderr, whatever stopped the boot. */
export function bootFailureLine(error: unknown): string {
  if (error instanceof BootError || error instanceof ConfigurationError) return error.message;
  return `Boot failed: ${reason(error)}`;
}
