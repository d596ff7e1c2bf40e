import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The id of the request being served, for logs and audit rows; undefined in jobs. */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

const ACCEPTED_ID = /^[\w.-]{8,64}$/;

export function requestIdOf(req: Request): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && ACCEPTED_ID.test(header) ? header : randomUUID();
}

export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = (req as Request & { id?: string }).id ?? requestIdOf(req);
  res.setHeader('X-Request-Id', requestId);
  storage.run({ requestId }, next);
}
