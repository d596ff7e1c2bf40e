import type { NextFunction, Request, Response } from 'express';

/**
 * `Cache-Control: no-store` on every response of the API under /v1, the queue dashboard and any
 * `.ics` (issue #21). Most /v1 answers carry personal data (`/v1/me`, the export, a session with
 * the volunteer's phone, an invite with a live signed link), and the few that do not (consent
 * texts, errors) gain nothing worth a rule per route that someone could forget: one rule for the
 * whole prefix cannot miss a new route. Set before the route runs, so errors carry it too.
 */
export function noStore(req: Request, res: Response, next: NextFunction): void {
  if (/^\/(?:v1|admin)(?:\/|$)/.test(req.path) || req.path.endsWith('.ics')) {
    res.setHeader('Cache-Control', 'no-store');
  }
  next();
}
