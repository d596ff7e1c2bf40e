import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis, { RedisOptions } from 'ioredis';
import { redisConfig } from '../../config/configuration';

export const REDIS = Symbol('REDIS');

/**
 * How often a command on a request path is retried across reconnects before it fails, so a
 * request meets a dependency-unavailable error in about a second rather than waiting minutes.
 */
const REQUEST_RETRIES = 2;
/** Reconnect delay: 200 ms, growing to 5 s between attempts while Redis stays away. */
const reconnectDelay = (attempt: number) => Math.min(attempt * 200, 5_000);

/**
 * Logs Redis going away and coming back once each for the whole process, however many clients
 * (the shared one, Bull's per queue) notice it: ioredis alone prints a stack per reconnect attempt
 * for a client without an `error` listener, and Bull swallows its clients' errors silently.
 */
@Injectable()
export class RedisConnectionLog {
  private readonly logger = new Logger('Redis');
  private readonly down = new Set<Redis>();

  watch(client: Redis, name: string): Redis {
    client.on('error', (error: Error) => {
      if (this.down.has(client)) return;
      this.down.add(client);
      if (this.down.size === 1) {
        this.logger.warn(
          { client: name, err: error.message },
          `Redis unreachable: ${error.message}`,
        );
      }
    });
    const recovered = () => {
      if (!this.down.delete(client) || this.down.size > 0) return;
      this.logger.log({ client: name }, 'Redis reachable again');
    };
    client.on('ready', recovered);
    // A client closed on shutdown while Redis was away must not hold the state at "down".
    client.on('end', () => this.down.delete(client));
    return client;
  }
}

async function close(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  await client.quit().catch(() => client.disconnect());
}

/**
 * Creates Bull's Redis clients (Bull's `createClient`), so each is watched by the connection log
 * and a request-path command (adding a job after a commit) fails fast instead of after twenty
 * reconnects. Bull does not close clients it did not create: this does, at shutdown.
 */
@Injectable()
export class BullRedisClients implements OnApplicationShutdown {
  private readonly clients: Redis[] = [];

  constructor(private readonly log: RedisConnectionLog) {}

  readonly create = (type: 'client' | 'subscriber' | 'bclient', options?: RedisOptions): Redis => {
    // Bull refuses a retry limit on its blocking and subscriber connections, which wait by design.
    const blocking = type !== 'client';
    const client = new Redis({
      ...options,
      retryStrategy: reconnectDelay,
      maxRetriesPerRequest: blocking ? null : REQUEST_RETRIES,
    });
    this.clients.push(client);
    return this.log.watch(client, `bull-${type}`);
  };

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.clients.map(close));
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await close(this.redis);
  }
}

/** One shared Redis client for rate limiting and health; Bull's clients come from BullRedisClients. */
@Global()
@Module({
  providers: [
    RedisConnectionLog,
    BullRedisClients,
    {
      provide: REDIS,
      inject: [redisConfig.KEY, RedisConnectionLog],
      useFactory: (config: ConfigType<typeof redisConfig>, log: RedisConnectionLog) =>
        log.watch(
          new Redis(config.url, {
            maxRetriesPerRequest: REQUEST_RETRIES,
            retryStrategy: reconnectDelay,
            lazyConnect: false,
          }),
          'shared',
        ),
    },
    RedisCloser,
  ],
  exports: [REDIS, BullRedisClients],
})
export class RedisModule {}
