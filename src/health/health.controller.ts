import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../common/auth.decorators';
import { DependencyUnavailableError } from '../common/dependency-unavailable';
import { REDIS } from '../common/redis.module';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /**
   * Database and Redis reachability; 503 problem+json `/problems/dependency-unavailable` naming
   * each dependency that is down (`dependencies`), with every check's result under `checks`.
   */
  @Public()
  @Get()
  @HealthCheck()
  async check(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
        () => this.pingRedis(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      throw new DependencyUnavailableError(Object.keys(result.error ?? {}), {
        checks: result.details,
      });
    }
  }

  private async pingRedis() {
    const indicator = this.indicators.check('redis');
    // A client between reconnects would queue the PING until its retry limit: answer at once.
    if (['reconnecting', 'close', 'end'].includes(this.redis.status)) {
      return indicator.down({ message: `Redis connection is ${this.redis.status}` });
    }
    try {
      await this.redis.ping();
      return indicator.up();
    } catch {
      return indicator.down({ message: 'Redis did not answer' });
    }
  }
}
