import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { ConfigModule, ConfigType } from '@nestjs/config';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, sep } from 'node:path';
import { LoggerModule } from 'nestjs-pino';
import {
  allConfig,
  appConfig,
  AppRole,
  databaseConfig,
  redisConfig,
  validateEnv,
} from '../config/configuration';
import { dataSourceOptions } from '../config/data-source';
import { AuditModule } from './audit/audit.module';
import { CheckinsWorkerModule } from './checkins/checkins-worker.module';
import { CheckinsModule } from './checkins/checkins.module';
import { AvailabilityModule } from './availability/availability.module';
import { CommonModule } from './common/common.module';
import { ConsentModule } from './consent/consent.module';
import { CoordinationModule } from './coordination/coordination.module';
import { loggerOptions } from './common/logging';
import { BullRedisClients, RedisModule } from './common/redis.module';
import { SafeguardingModule } from './safeguarding/safeguarding.module';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { PeopleModule } from './people/people.module';
import { PeopleWorkerModule } from './people/people-worker.module';
import { SessionsModule } from './sessions/sessions.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { LinksModule } from './links/links.module';
import { NotificationsModule } from './notifications/notifications.module';
import { API_PATHS } from './web-root';

type Imports = NonNullable<ModuleMetadata['imports']>;

/**
 * The built web app (web/, built by Vite into dist/web): dist/src/../web when running the build,
 * src/../dist/web when running from source (tests, ts-node). Built means it has assets/: the
 * source web/ next to src/ has an index.html too, which must never be served.
 */
export const WEB_ROOT = [join(__dirname, '..', 'web'), join(__dirname, '..', 'dist', 'web')].find(
  (dir) => existsSync(join(dir, 'assets')),
);

/**
 * Same origin for the app and the API: the web root's files, and for the app's pages its
 * index.html (unknown paths are answered before this, by webRootFallbacks in src/web-root.ts).
 */
const WEB_MODULES: Imports = WEB_ROOT
  ? [
      ServeStaticModule.forRoot({
        rootPath: WEB_ROOT,
        exclude: API_PATHS.flatMap((path) => [path, `${path}/{*path}`]),
        serveStaticOptions: {
          index: false,
          fallthrough: true,
          // Hashed bundles never change; index.html must be fetched fresh to find new ones.
          setHeaders: (res: ServerResponse, path: string) =>
            res.setHeader(
              'Cache-Control',
              path.includes(`${sep}assets${sep}`)
                ? 'public, max-age=31536000, immutable'
                : 'no-cache',
            ),
        },
      }),
    ]
  : [];

/** Domain modules: services, controllers and the producers of jobs. Loaded in every role. */
const DOMAIN_MODULES: Imports = [
  IdentityModule,
  ConsentModule,
  HealthModule,
  PeopleModule,
  AvailabilityModule,
  SessionsModule,
  CheckinsModule,
  CoordinationModule,
  SafeguardingModule,
  NotificationsModule,
  LinksModule,
];

/** Bull processors and periodic tasks: loaded only where the process runs the worker role. */
const WORKER_MODULES: Imports = [
  PeopleWorkerModule,
  CheckinsWorkerModule,
  NotificationsWorkerModule,
];

/** Connections each process keeps open however quiet it is. */
const POOL_KEPT_WARM = 4;

@Module({})
export class AppModule {
  static forRole(role: AppRole): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          load: allConfig,
          validate: validateEnv,
        }),
        LoggerModule.forRootAsync({
          inject: [appConfig.KEY],
          useFactory: (app: ConfigType<typeof appConfig>) => loggerOptions(app.logLevel),
        }),
        TypeOrmModule.forRootAsync({
          inject: [databaseConfig.KEY],
          useFactory: (db: ConfigType<typeof databaseConfig>) => ({
            ...dataSourceOptions(db.url),
            entities: [],
            autoLoadEntities: true,
            migrationsRun: false,
            // pg closes a connection after 10 s idle: on a quiet day nearly every request then
            // paid a new connection and a cold backend (a booking after 11 s quiet: 61-80 ms
            // against 17 ms, `npm run bench`). A few stay open; bursts beyond them still shrink.
            extra: { max: db.poolMax, min: Math.min(POOL_KEPT_WARM, db.poolMax), keepAlive: true },
          }),
        }),
        BullModule.forRootAsync({
          inject: [redisConfig.KEY, BullRedisClients],
          useFactory: (redis: ConfigType<typeof redisConfig>, clients: BullRedisClients) => ({
            url: redis.url,
            prefix: `${redis.prefix}:bull`,
            createClient: clients.create,
          }),
        }),
        CommonModule,
        RedisModule,
        AuditModule,
        ...DOMAIN_MODULES,
        ...(role === AppRole.Worker ? [] : WEB_MODULES),
        ...(role === AppRole.Api ? [] : WORKER_MODULES),
      ],
    };
  }
}
