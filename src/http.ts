import {
  DynamicModule,
  INestApplication,
  Logger as NestLogger,
  NestApplicationOptions,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { ConfigType } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AbstractLoader, NoopLoader } from '@nestjs/serve-static';
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
import { documentProblems } from './common/openapi';
import { answerWithProblem, ProblemFilter } from './common/problem.filter';
import { requestContextMiddleware } from './common/request-context';
import { sameOriginOnly } from './common/same-origin';
import { mergeSources, securityHeaders } from './common/security-headers';
import { validationPipe } from './common/validation';
import { webRootFallbacks, webRootInlineSources } from './web-root';

/** Largest request body accepted (JSON or form); larger gets 413. */
export const BODY_LIMIT = '100kb';

/** A photo's body: PNG or JPEG bytes, up to 300 KB (the service checks the bytes themselves). */
const PHOTO_TYPES = ['image/png', 'image/jpeg'];
const PHOTO_LIMIT = '300kb';

const requests = new NestLogger('HTTP');

/**
 * Errors raised before routing (body-parser: malformed or bare-string JSON, too large, too deep,
 * compressed, an unknown charset) are answered here, as the filter would, and logged in one line:
 * pino-http's request log comes later in the chain, so it never sees them. Passed on with
 * next(error), they met ServeStaticModule's error handler, which turns any error on a path it
 * excludes (all of /v1, /docs, /health, /admin) into 404 "Cannot POST …".
 */
function answerEarlyErrors(error: unknown, req: Request, res: Response, next: NextFunction) {
  if (res.headersSent) return next(error);
  const problem = answerWithProblem(res, error);
  // 5xx are logged with their errorId by toProblem. The problem's type, never the body; `req`
  // and `res` go through the logger's serializers (src/common/logging.ts), as request lines do.
  if (problem.status < 500) {
    const id = res.getHeader('X-Request-Id');
    requests.warn(
      { req: { id, method: req.method, url: req.originalUrl }, res, problem: problem.type },
      `Request refused before routing: ${problem.type}`,
    );
  }
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

/** A compiled testing module (test/app.ts): the same application, with providers overridden. */
interface CompiledModule {
  createNestApplication<T extends INestApplication>(options?: NestApplicationOptions): T;
}

/**
 * The HTTP application main.ts serves, and the only way to build one: the e2e app passes its
 * compiled testing module, so tests meet the same middleware, web root and error handling.
 */
export async function createHttpApp(
  source: DynamicModule | CompiledModule,
  options: NestApplicationOptions = {},
): Promise<NestExpressApplication> {
  // Our body parsers, with their limits, are installed by configureHttp, not Nest's defaults.
  const settings = { ...options, bodyParser: false };
  const app =
    'createNestApplication' in source
      ? source.createNestApplication<NestExpressApplication>(settings)
      : await NestFactory.create<NestExpressApplication>(source, settings);
  refuseUnservedWebRoot(app);
  return configureHttp(app);
}

/**
 * A testing module resolves its providers before the HTTP adapter exists, so ServeStaticModule
 * would pick its no-op loader and the app would serve no web root, unlike main.ts: its errors
 * then take another path (issue #21). test/app.ts overrides the loader; this keeps it so.
 */
function refuseUnservedWebRoot(app: INestApplication): void {
  if (!WEB_ROOT) return;
  let loader: AbstractLoader;
  try {
    loader = app.get(AbstractLoader, { strict: false });
  } catch {
    return; // the worker role serves no web app
  }
  if (loader instanceof NoopLoader) {
    throw new Error('The web root is built but this app would not serve it: use ExpressLoader');
  }
}

/** Everything that makes the HTTP surface what API.md promises, on a created application. */
function configureHttp(app: NestExpressApplication): NestExpressApplication {
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
  // A therapist's photo (PUT /v1/me/photo) comes as its own bytes; its type is checked from them.
  app.useBodyParser('raw', { type: PHOTO_TYPES, limit: PHOTO_LIMIT, inflate: false });
  app.use(answerEarlyErrors);
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
