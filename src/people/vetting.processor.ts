import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bull';
import { Clock } from '../common/clock';
import { QueueName } from '../common/queues';
import { VettingService } from './vetting.service';

export enum VettingJob {
  ExpireLapsed = 'expire-lapsed',
}

/** Runs the daily expiry sweep; a failure throws so Bull retries it. */
@Processor(QueueName.Vetting)
export class VettingProcessor {
  constructor(
    private readonly vetting: VettingService,
    private readonly clock: Clock,
  ) {}

  @Process(VettingJob.ExpireLapsed)
  async expireLapsed(): Promise<{ expired: number; warned: number }> {
    const { expired, warned } = await this.vetting.expireLapsed(this.clock.now());
    return { expired: expired.length, warned: warned.length };
  }
}

/**
 * Registers the daily sweep at 00:10 UTC (vetting dates are UTC days). Bull keys a repeatable job
 * by name, id and schedule, so every worker registering it at boot still yields one schedule.
 */
@Injectable()
export class VettingScheduler implements OnApplicationBootstrap {
  static readonly CRON = '10 0 * * *';

  constructor(@InjectQueue(QueueName.Vetting) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(
      VettingJob.ExpireLapsed,
      {},
      {
        jobId: VettingJob.ExpireLapsed,
        repeat: { cron: VettingScheduler.CRON, tz: 'UTC' },
        attempts: 5,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: 30,
        removeOnFail: 100,
      },
    );
  }
}
