import { InjectQueue } from '@nestjs/bull';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Job, Queue } from 'bull';
import { smsConfig } from '../../config/configuration';
import { Clock } from '../common/clock';
import { QueueName } from '../common/queues';
import { DeliveryService } from './delivery.service';
import { NotificationJob, NotificationJobData } from './notification-queue';
import { SWEEP_EVERY_MS, SweeperService } from './sweeper.service';

/** Re-registers the repeatable sweep this often, in case Redis lost it. */
const RESCHEDULE_EVERY_MS = 5 * 60_000;

/**
 * The worker side: delivers rows as their jobs come due, and sweeps every 30 s. The sweep is a
 * repeatable job so that one worker of many runs it per period; each worker re-registers it
 * now and then, since a Redis flush forgets repeatable jobs too.
 */
@Injectable()
export class NotificationsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationsProcessor.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly delivery: DeliveryService,
    private readonly sweeper: SweeperService,
    private readonly clock: Clock,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // One processor for every job name: Bull adds up the concurrency of named processors, and
    // SMS_WORKER_CONCURRENCY is meant as the number of jobs in flight in this process.
    this.queue
      .process('*', this.config.workerConcurrency, (job: Job) => this.run(job))
      .catch((error: unknown) =>
        this.logger.error({ err: (error as Error).message }, 'Notification processor stopped'),
      );
    await this.scheduleSweep();
    this.timer = setInterval(() => void this.scheduleSweep(), RESCHEDULE_EVERY_MS);
    this.timer.unref();
  }

  private run(job: Job): Promise<unknown> {
    if (job.name === (NotificationJob.Sweep as string)) return this.sweeper.sweep(this.clock.now());
    const data = job.data as NotificationJobData[NotificationJob.Deliver];
    return this.delivery.deliver(data.notificationId, this.clock.now());
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async scheduleSweep(): Promise<void> {
    const data: NotificationJobData[NotificationJob.Sweep] = {};
    try {
      await this.queue.add(NotificationJob.Sweep, data, {
        jobId: 'sweeper',
        repeat: { every: SWEEP_EVERY_MS },
        removeOnComplete: true,
        removeOnFail: true,
      });
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'Could not schedule the sweeper');
    }
  }
}
