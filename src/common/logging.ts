import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestIdOf } from './request-context';

/**
 * Structured JSON logs with the request id. Requests are logged by method, route path and status
 * only: never bodies, query strings, headers or tokens, which may hold personal data.
 */
export const loggerOptions = (level: string): Params => ({
  pinoHttp: {
    level,
    genReqId: (req: IncomingMessage) => requestIdOf(req as Parameters<typeof requestIdOf>[0]),
    customProps: () => ({ service: 'volunteer-wellbeing' }),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'res.headers', 'err.config'], remove: true },
  },
});
