import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { JobOptions, Queue } from 'bull';
import { smsConfig } from '../../config/configuration';
import { QueueName } from '../common/queues';
import { DueRow } from './notifications.repository';

export enum NotificationJob {
  Deliver = 'deliver',
}

export interface NotificationJobData {
  [NotificationJob.Deliver]: { notificationId: string };
}

/**
 * Bull as a wake-up service for the outbox: one delayed job per pending row, whose job id is the
 * row id, so adding it again is a no-op. Losing every job (a Redis flush) loses nothing: the
 * sweeper adds them back from PostgreSQL.
 */
@Injectable()
export class NotificationQueue {
  private readonly logger = new Logger(NotificationQueue.name);

  constructor(
    @InjectQueue(QueueName.Notifications) readonly queue: Queue,
    @Inject(smsConfig.KEY) private readonly sms: ConfigType<typeof smsConfig>,
  ) {}

  private deliverOptions(row: DueRow, now: Date): JobOptions {
    return {
      jobId: row.id,
      delay: Math.max(0, row.dueAt.getTime() - now.getTime()),
      attempts: this.sms.maxAttempts,
      backoff: { type: 'exponential', delay: this.sms.retryBaseMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  /** Adds a delivery job per row; rows that already have one keep it. */
  async enqueue(rows: DueRow[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    const data = (row: DueRow): NotificationJobData[NotificationJob.Deliver] => ({
      notificationId: row.id,
    });
    await this.queue.addBulk(
      rows.map((row) => ({
        name: NotificationJob.Deliver,
        data: data(row),
        opts: this.deliverOptions(row, now),
      })),
    );
  }

  /** Best effort after a commit: if Redis is away, the sweeper enqueues these rows later. */
  async enqueueAfterCommit(rows: DueRow[], now: Date): Promise<void> {
    try {
      await this.enqueue(rows, now);
    } catch (error) {
      this.logger.warn(
        { rows: rows.length, err: (error as Error).message },
        'Could not enqueue notifications; the sweeper will',
      );
    }
  }

  /**
   * Makes sure each row that is due now, or soon, has a job that will run it: adds the missing
   * ones, and wakes a first-try job still waiting for a later moment than its row's due time (the
   * row was revived earlier, or the clocks disagree). Jobs in retry backoff are left to wait.
   * Which rows have a job, and which wait as first tries, is asked in one pipelined round trip:
   * the sweeper runs this over every due row, thousands in a backlog.
   */
  async ensure(rows: DueRow[], now: Date): Promise<{ added: number; promoted: number }> {
    if (rows.length === 0) return { added: 0, promoted: 0 };
    const delayed = this.queue.toKey('delayed');
    const pipeline = this.queue.client.pipeline();
    for (const row of rows) {
      const key = this.queue.toKey(row.id);
      pipeline.exists(key).zscore(delayed, row.id).hget(key, 'attemptsMade');
    }
    const answers = (await pipeline.exec()) ?? [];
    const failed = answers.find(([error]) => error)?.[0];
    if (failed) throw failed;
    const missing: DueRow[] = [];
    const waiting: DueRow[] = [];
    rows.forEach((row, i) => {
      const [[, exists], [, delayedAt], [, attempts]] = answers.slice(3 * i, 3 * i + 3);
      if (!exists) missing.push(row);
      else if (row.dueAt <= now && delayedAt !== null && Number(attempts ?? 0) === 0) {
        waiting.push(row);
      }
    });
    await this.enqueue(missing, now);
    let promoted = 0;
    for (const row of waiting) {
      const job = await this.queue.getJob(row.id);
      if (!job || !(await job.isDelayed())) continue;
      await job.promote().catch(() => undefined);
      promoted++;
    }
    return { added: missing.length, promoted };
  }

  /**
   * Removes the job of a row recovered from a dead worker when Bull still holds it as active, so
   * a fresh one can be added at once rather than after Bull's own stalled-job check.
   */
  async dropStale(id: string): Promise<void> {
    const job = await this.queue.getJob(id);
    if (!job || !(await job.isActive())) return;
    await job.discard();
    await job.moveToFailed({ message: 'worker lost; replaced by the sweeper' }, true).catch(() => {
      // Finished meanwhile: nothing stale to remove.
    });
  }
}
