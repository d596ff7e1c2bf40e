import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { JobOptions, Queue } from 'bull';
import { smsConfig } from '../../config/configuration';
import { JobPlace, jobPlaces, PlacesMode } from '../common/job-places';
import { QueueName } from '../common/queues';
import { DueRow } from './notifications.repository';

export enum NotificationJob {
  Deliver = 'deliver',
}

export interface NotificationJobData {
  [NotificationJob.Deliver]: { notificationId: string };
}

export interface EnsureReport {
  /** Rows that had no job. */
  added: number;
  /** Rows whose job was a husk, replaced. */
  husks: number;
  /** First tries woken early. */
  promoted: number;
}

/**
 * Bull as a wake-up service for the outbox: one delayed job per pending row, whose job id is the
 * row id, so adding it again is a no-op. Losing every job (a Redis flush) loses nothing: the
 * sweeper adds them back from PostgreSQL, and replaces the husks a flush can leave behind.
 */
@Injectable()
export class NotificationQueue {
  private readonly logger = new Logger(NotificationQueue.name);

  constructor(
    @InjectQueue(QueueName.Notifications) readonly queue: Queue,
    @Inject(smsConfig.KEY) private readonly sms: ConfigType<typeof smsConfig>,
  ) {}

  private deliverOptions(row: DueRow, now: Date, lifo: boolean): JobOptions {
    return {
      lifo,
      jobId: row.id,
      delay: Math.max(0, row.dueAt.getTime() - now.getTime()),
      attempts: this.sms.maxAttempts,
      backoff: { type: 'exponential', delay: this.sms.retryBaseMs },
      removeOnComplete: true,
      removeOnFail: true,
    };
  }

  /**
   * Adds a delivery job per row; rows that already have one keep it. `first`: ahead of every job
   * already waiting (for overdue rows).
   */
  async enqueue(rows: DueRow[], now: Date, { first = false } = {}): Promise<void> {
    if (rows.length === 0) return;
    const data = (row: DueRow): NotificationJobData[NotificationJob.Deliver] => ({
      notificationId: row.id,
    });
    await this.queue.addBulk(
      rows.map((row) => ({
        name: NotificationJob.Deliver,
        data: data(row),
        opts: this.deliverOptions(row, now, first),
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
   * Makes sure each row that is due now, or soon, has a job that Bull will run: adds the missing
   * ones, replaces husks (a hash in no list, see JobPlace), and wakes a first-try job still
   * waiting for a later moment than its row's due time (the row was revived earlier, or the
   * clocks disagree). Jobs in retry backoff are left to wait. Where each row's job is, and whether
   * it waits as a first try, is asked in one atomic script per batch: the sweeper runs this over
   * every due row, thousands in a backlog.
   */
  async ensure(rows: DueRow[], now: Date): Promise<EnsureReport> {
    if (rows.length === 0) return { added: 0, husks: 0, promoted: 0 };
    const states = await jobPlaces(
      this.queue,
      rows.map((row) => row.id),
    );
    const missing: DueRow[] = [];
    const husks: DueRow[] = [];
    const waiting: DueRow[] = [];
    rows.forEach((row, i) => {
      const { place, attemptsMade } = states[i];
      if (place === JobPlace.Missing) missing.push(row);
      else if (place === JobPlace.Husk) husks.push(row);
      else if (place === JobPlace.Delayed && row.dueAt <= now && attemptsMade === 0) {
        waiting.push(row);
      }
    });
    await this.enqueue(missing, now);
    const replaced = await this.replaceHusks(husks, now);
    let promoted = 0;
    for (const row of waiting) {
      const job = await this.queue.getJob(row.id);
      if (!job || !(await job.isDelayed())) continue;
      await job.promote().catch(() => undefined);
      promoted++;
    }
    return { added: missing.length, husks: replaced, promoted };
  }

  /**
   * Removes each husk, if it still is one (a sweeper elsewhere may have replaced it since), and
   * adds a fresh job with the same id and options.
   */
  private async replaceHusks(rows: DueRow[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const held = await jobPlaces(
      this.queue,
      rows.map((row) => row.id),
      PlacesMode.PurgeHusks,
    );
    const purged = rows.filter((_, i) => held[i].place === JobPlace.Husk);
    for (const row of purged) {
      this.logger.warn(
        { notificationId: row.id, held: JobPlace.Husk },
        "Replaced a text's job that nothing would run",
      );
    }
    await this.enqueue(purged, now);
    return purged.length;
  }

  /**
   * Replaces the jobs of rows that waited far too long, whatever Redis holds for them, except a job
   * waiting in line or running: in a backlog (after an outage, a burst) due rows wait behind each
   * other, and replacing theirs would only reorder the line and churn Redis. Any other job (delayed
   * where the row says no attempt was made, a husk, none) is removed from every list with its hash,
   * and a fresh one goes to the head of the wait list (LIFO), as it is overdue. Logs what Redis
   * held for each, so a recurrence shows. The claim in PostgreSQL still sends each row once.
   */
  async revive(rows: DueRow[], now: Date): Promise<number> {
    if (rows.length === 0) return 0;
    const places = await jobPlaces(
      this.queue,
      rows.map((row) => row.id),
    );
    const stuck = rows.filter(
      (_, i) => places[i].place !== JobPlace.Waiting && places[i].place !== JobPlace.Active,
    );
    if (stuck.length === 0) return 0;
    const held = await jobPlaces(
      this.queue,
      stuck.map((row) => row.id),
      PlacesMode.PurgeAll,
    );
    stuck.forEach((row, i) =>
      this.logger.warn(
        { notificationId: row.id, held: held[i].place, attemptsMade: held[i].attemptsMade },
        'Replaced the job of an overdue text',
      ),
    );
    await this.enqueue(stuck, now, { first: true });
    return stuck.length;
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
