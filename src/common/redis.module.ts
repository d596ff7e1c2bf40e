import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import Redis, { RedisOptions } from 'ioredis';
import { redisConfig } from '../../config/configuration';

export const REDIS = Symbol('REDIS');

/**
 * How often a command already sent is retried across reconnects before it fails. Commands issued
 * while Redis is away do not wait for it at all (no offline queue, see `failFast`).
 */
const REQUEST_RETRIES = 2;
/** Reconnect delay: 200 ms, growing to 5 s between attempts while Redis stays away. */
const reconnectDelay = (attempt: number) => Math.min(attempt * 200, 5_000);
/** A command on a request path that Redis (there, but not answering) leaves unanswered this long fails. */
const REQUEST_COMMAND_TIMEOUT_MS = 2_000;

/**
 * Once connected, a command issued while Redis is away fails at once ("Stream isn't writeable")
 * instead of waiting in ioredis's offline queue for the next reconnects: with the delay grown to
 * 5 s and two retries, a request waited about 15 s for its 503 (issue #21). The queue stays on
 * until the first connection, so what starts with the process (Bull's workers) is not refused
 * for being a few milliseconds early; reconnecting itself goes on as before.
 */
function failFast(client: Redis): Redis {
  client.once('ready', () => {
    client.options.enableOfflineQueue = false;
  });
  return client;
}

/** Resolves when the client first connects or first fails to, whichever comes first. */
const firstAttempt = (client: Redis) =>
  new Promise<void>((resolve) => {
    client.once('ready', resolve);
    client.once('error', () => resolve());
  });

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
 * and a request-path command (adding a job after a commit, which is best effort: the sweeper adds
 * what it missed) fails at once while Redis is away instead of after the next reconnects. The
 * blocking and subscriber connections keep their offline queue: they only wait, and Bull's
 * workers retry a failed fetch every few seconds, so they pick up again once Redis is back.
 * Bull does not close clients it did not create: this does, at shutdown.
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
    return this.log.watch(blocking ? client : failFast(client), `bull-${type}`);
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

/**
 * One shared Redis client for rate limiting and health; Bull's clients come from BullRedisClients.
 * It serves requests only, so it never queues a command while Redis is away: the app waits for its
 * first connection attempt at start-up (main.ts has already checked Redis), and from then on a
 * request meets the 503 at once.
 */
@Global()
@Module({
  providers: [
    RedisConnectionLog,
    BullRedisClients,
    {
      provide: REDIS,
      inject: [redisConfig.KEY, RedisConnectionLog],
      useFactory: async (config: ConfigType<typeof redisConfig>, log: RedisConnectionLog) => {
        const client = log.watch(
          new Redis(config.url, {
            maxRetriesPerRequest: REQUEST_RETRIES,
            retryStrategy: reconnectDelay,
            enableOfflineQueue: false,
            commandTimeout: REQUEST_COMMAND_TIMEOUT_MS,
            lazyConnect: false,
          }),
          'shared',
        );
        await firstAttempt(client);
        return client;
      },
    },
    RedisCloser,
  ],
  exports: [REDIS, BullRedisClients],
})
export class RedisModule {}
