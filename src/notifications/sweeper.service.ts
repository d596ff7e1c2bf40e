import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { schedulesConfig, smsConfig } from '../../config/configuration';
import { NotificationQueue } from './notification-queue.service';
import { NotificationsRepository } from './notifications.repository';

const BATCH = 1000;

export interface SweepReport {
  recovered: number;
  /** Overdue rows never tried whose job was replaced whatever Redis held (see `sweep`). */
  revived: number;
  added: number;
  /** Job hashes in no list (nothing would run them), replaced. */
  husks: number;
  promoted: number;
}

/**
 * Reconciles Bull with PostgreSQL: rows whose worker died mid-send go back to pending, and every
 * pending row due now or within the next two sweep periods gets a job Bull will run if it has
 * none (after a Redis flush or restart, or a crash between a commit and its enqueue): it asks
 * Redis where the row's job is, and adds one (job id = row id) when it is missing or is a husk,
 * a hash in no list. Safe to run anywhere, any number of times.
 */
@Injectable()
export class SweeperService {
  private readonly logger = new Logger(SweeperService.name);

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly queue: NotificationQueue,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
    @Inject(schedulesConfig.KEY) private readonly schedules: ConfigType<typeof schedulesConfig>,
  ) {}

  /** Two sweep periods ahead, so a row due before the next sweep already has its job. */
  private get lookaheadMs(): number {
    return 2 * this.schedules.smsSweepSeconds * 1000;
  }

  async sweep(now: Date): Promise<SweepReport> {
    const timeout = this.config.sendingTimeoutSeconds * 1000;
    const recovered = await this.outbox.recoverStuck(new Date(now.getTime() - timeout));
    for (const row of recovered) await this.queue.dropStale(row.id);

    // Defense in depth: a row never tried that is overdue by more than SMS_STUCK_PENDING_SECONDS
    // was left by whatever Redis holds for it (a job in backoff has made an attempt, which the
    // row counts), so that job is replaced, whatever it is. Oldest first, a batch a sweep.
    const stuckBefore = new Date(now.getTime() - this.config.stuckPendingSeconds * 1000);
    const revived = await this.queue.revive(
      await this.outbox.untriedDueBefore(stuckBefore, BATCH),
      now,
    );

    const report: SweepReport = {
      recovered: recovered.length,
      revived,
      added: 0,
      husks: 0,
      promoted: 0,
    };
    // Due rows a batch at a time, oldest first, on to the next batch while the last one found
    // rows without a runnable job: after a Redis flush every batch does, and all of them get
    // their jobs in this sweep; a backlog whose jobs are all there costs one batch a period, not
    // a walk of it.
    const until = new Date(now.getTime() + this.lookaheadMs);
    for (let due = await this.outbox.pendingDueBy(until, BATCH); due.length > 0;) {
      const { added, husks, promoted } = await this.queue.ensure(due, now);
      report.added += added;
      report.husks += husks;
      report.promoted += promoted;
      const more = due.length === BATCH && added + husks > 0;
      due = more ? await this.outbox.pendingDueBy(until, BATCH, due.at(-1)) : [];
    }
    if (Object.values(report).some((n) => n > 0)) {
      this.logger.log(report, 'Sweeper reconciled the notification queue');
    }
    return report;
  }
}
