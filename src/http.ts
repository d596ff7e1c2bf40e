import { INestApplication } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import { Logger } from 'nestjs-pino';
import { appConfig } from '../config/configuration';
import { ProblemFilter } from './common/problem.filter';
import { requestContextMiddleware } from './common/request-context';
import { validationPipe } from './common/validation';

/** Largest request body accepted (JSON or form); larger gets 413. */
export const BODY_LIMIT = '100kb';

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
  // Gzip the web app and the docs for slow connections; API responses stay uncompressed, so a
  // secret in a JSON body is never compressed next to attacker-chosen text (BREACH).
  app.use(
    compression({
      filter: (req, res) => !req.path.startsWith('/v1/') && compression.filter(req, res),
    }),
  );
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.useGlobalPipes(validationPipe);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

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
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
