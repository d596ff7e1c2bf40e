import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Module } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { authConfig, redisConfig } from '../../config/configuration';
import { AuthGuard } from '../common/auth.guard';
import { REDIS } from '../common/redis.module';
import { Account } from './account.entity';
import { AuthController } from './auth.controller';
import { IdentityService } from './identity.service';

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

@Module({
  imports: [
    TypeOrmModule.forFeature([Account]),
    JwtModule.registerAsync({
      global: true,
      inject: [authConfig.KEY],
      useFactory: (auth: ConfigType<typeof authConfig>) => ({
        secret: auth.jwtSecret,
        signOptions: { algorithm: 'HS256', expiresIn: auth.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY, redisConfig.KEY, REDIS],
      useFactory: (
        auth: ConfigType<typeof authConfig>,
        redis: ConfigType<typeof redisConfig>,
        client: Redis,
      ) => ({
        throttlers: [
          { name: 'ip', ttl: auth.loginWindowSeconds * 1000, limit: auth.loginMaxPerIp },
          {
            name: 'account',
            ttl: auth.loginWindowSeconds * 1000,
            limit: auth.loginMaxPerAccount,
            getTracker: (req: Record<string, unknown>) => {
              const body = req.body as { email?: unknown } | undefined;
              return typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
            },
          },
        ],
        storage: new ThrottlerStorageRedisService(client),
        generateKey: (_ctx, tracker, name) => `${redis.prefix}:throttle:${name}:${sha(tracker)}`,
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [IdentityService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [IdentityService],
})
export class IdentityModule {}
