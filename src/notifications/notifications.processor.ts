import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Job, Queue } from 'bull';
import { schedulesConfig, smsConfig } from '../../config/configuration';
import { Clock } from '../common/clock';
import { Periodic } from '../common/periodic.service';
import { QueueName } from '../common/queues';
import { DeliveryService } from './delivery.service';
import { NotificationJob, NotificationJobData } from './notification-queue.service';
import { SweeperService } from './sweeper.service';

/**
 * The worker side: delivers rows as their Bull jobs come due, and sweeps on the periodic
 * scheduler (PostgreSQL, not Redis, holds that schedule, so a Redis flush cannot stop the sweep
 * that puts the flushed jobs back).
 */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly delivery: DeliveryService,
    private readonly sweeper: SweeperService,
    private readonly periodic: Periodic,
    private readonly clock: Clock,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
    @Inject(schedulesConfig.KEY) private readonly schedules: ConfigType<typeof schedulesConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // One processor for every job name: Bull adds up the concurrency of named processors, and
    // SMS_WORKER_CONCURRENCY is meant as the number of jobs in flight in this process.
    this.queue
      .process('*', this.config.workerConcurrency, (job: Job) => this.run(job))
      .catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'Notification processor stopped'),
      );
    this.periodic.schedule({
      name: 'sms-sweep',
      everySeconds: this.schedules.smsSweepSeconds,
      run: () => this.sweeper.sweep(this.clock.now()),
    });
    await this.forgetRepeatableSweep();
  }

  private run(job: Job): Promise<unknown> {
    // Older releases scheduled the sweep as a repeatable job of this queue; ignore its leftovers.
    if (job.name !== (NotificationJob.Deliver as string)) return Promise.resolve('ignored');
    const data = job.data as NotificationJobData[NotificationJob.Deliver];
    return this.delivery.deliver(data.notificationId, this.clock.now());
  }

  /** Removes the repeatable sweep job an older release registered in Redis (this queue has no other). */
  private async forgetRepeatableSweep(): Promise<void> {
    try {
      for (const job of await this.queue.getRepeatableJobs()) {
        await this.queue.removeRepeatableByKey(job.key);
      }
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Could not remove the old sweep job');
    }
  }
}
