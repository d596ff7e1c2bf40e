import { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ConfigType } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { Logger } from 'nestjs-pino';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { appConfig } from '../config/configuration';
import { isProduction } from '../config/node-env';
import { WEB_ROOT } from './app.module';
import { refuseDeepJson } from './common/body-depth';
import { noStore } from './common/cache-control';
import { RequestBodyError } from './common/problem';
import { documentProblems } from './common/openapi';
import { ProblemFilter } from './common/problem.filter';
import { requestContextMiddleware } from './common/request-context';
import { sameOriginOnly } from './common/same-origin';
import { mergeSources, securityHeaders } from './common/security-headers';
import { validationPipe } from './common/validation';
import { webRootFallbacks, webRootInlineSources } from './web-root';

/** Largest request body accepted (JSON or form); larger gets 413. */
export const BODY_LIMIT = '100kb';

/**
 * Nest answers a body-parser SyntaxError with a generic 400 that echoes the parser's message (and
 * so bits of the body); handing the filter the parser's own `type` keeps one mapping for all.
 */
function keepBodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction) {
  const parser = error as { type?: unknown; status?: unknown };
  if (typeof parser?.type === 'string' && typeof parser.status === 'number') {
    return next(new RequestBodyError(parser.type, parser.status));
  }
  next(error);
}

/**
 * The web app's bundles are brotli-compressed at build time at the highest level (web/vite.config.ts),
 * a fifth smaller than compressing per request: send that file to browsers that accept brotli. The
 * build's `.br` files are listed once at start-up, not looked up on disk per request.
 */
function precompressedAssets(webRoot: string) {
  const assets = join(webRoot, 'assets');
  const compressed = new Set(
    existsSync(assets)
      ? readdirSync(assets)
          .filter((name) => name.endsWith('.br'))
          .map((name) => `/assets/${name.slice(0, -'.br'.length)}`)
      : [],
  );
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const asset = /^\/assets\/[\w.-]+\.(?:js|css)$/.exec(req.path)?.[0];
      if (asset) {
        res.vary('Accept-Encoding');
        if (compressed.has(asset) && req.acceptsEncodings('br')) {
          res.type(extname(asset));
          res.setHeader('Content-Encoding', 'br');
          req.url = `${asset}.br`;
        }
      }
    }
    next();
  };
}

/**
 * Pages the web build rendered to HTML (web/src/prerender.tsx: dist/web/sign-in.html, and
 * start.html for `/`), so the sign-in form shows before the script arrives on a slow connection
 * (issue #14). `GET /sign-in` or `GET /`, with any query, is answered from that file by the same
 * static handler as index.html, so with the same Cache-Control and compression. Listed once at
 * start-up; any other path gets index.html.
 */
function prerenderedPages(webRoot: string) {
  const pages = new Map(
    readdirSync(webRoot)
      .filter((name) => name.endsWith('.html') && name !== 'index.html')
      .map((file) => {
        const name = file.slice(0, -'.html'.length);
        return [name === 'start' ? '/' : `/${name}`, `/${file}`] as const;
      }),
  );
  return (req: Request, _res: Response, next: NextFunction) => {
    const file = pages.get(req.path);
    if ((req.method === 'GET' || req.method === 'HEAD') && file) {
      const query = req.url.slice(req.path.length);
      req.url = `${file}${query}`;
    }
    next();
  };
}

/**
 * Everything that makes the HTTP surface what API.md promises. Shared by main.ts and the e2e
 * test app so tests exercise exactly what production serves.
 */
export function configureHttp(nest: INestApplication): NestExpressApplication {
  const app = nest as NestExpressApplication;
  const config = app.get<ConfigType<typeof appConfig>>(appConfig.KEY);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestContextMiddleware);
  const pages = WEB_ROOT ? webRootInlineSources(WEB_ROOT) : mergeSources([]);
  app.use(...securityHeaders({ pages, production: isProduction() }), noStore);
  app.use(sameOriginOnly(config.publicBaseUrl));
  if (WEB_ROOT) app.use(precompressedAssets(WEB_ROOT), prerenderedPages(WEB_ROOT));
  // Gzip the web app and the docs for slow connections; API responses stay uncompressed, so a
  // secret in a JSON body is never compressed next to attacker-chosen text (BREACH).
  app.use(
    compression({
      filter: (req, res) => !req.path.startsWith('/v1/') && compression.filter(req, res),
    }),
  );
  if (WEB_ROOT) app.use(webRootFallbacks(WEB_ROOT));
  // Compressed bodies are refused (415): nothing needs them and they invite decompression bombs.
  app.useBodyParser('json', { limit: BODY_LIMIT, inflate: false, verify: refuseDeepJson });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false, inflate: false });
  app.use(keepBodyParserErrors);
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  if (config.apiDocs) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Volunteer Wellbeing Service')
        .setDescription(
          'Pairs volunteers returning from refugee camps with pro bono therapists and SSuN buddies.',
        )
        .setVersion('1')
        .addBearerAuth()
        .build(),
    );
    SwaggerModule.setup('docs', app, documentProblems(document, app), {
      jsonDocumentUrl: 'docs-json',
    });
  }
  return app;
}
