import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { smsConfig } from '../../config/configuration';
import { NotificationQueue } from './notification-queue';
import { NotificationsRepository } from './notifications.repository';

/** How often the sweeper runs, and so how far ahead it makes sure jobs exist. */
export const SWEEP_EVERY_MS = 30_000;
const LOOKAHEAD_MS = 2 * SWEEP_EVERY_MS;
const BATCH = 1000;

export interface SweepReport {
  recovered: number;
  added: number;
  promoted: number;
}

/**
 * Reconciles Bull with PostgreSQL: rows whose worker died mid-send go back to pending, and every
 * pending row due now or within the next minute gets a job if it has none (after a Redis flush or
 * restart, or a crash between a commit and its enqueue). Safe to run anywhere, any number of times.
 */
@Injectable()
export class SweeperService {
  private readonly logger = new Logger(SweeperService.name);

  constructor(
    private readonly outbox: NotificationsRepository,
    private readonly queue: NotificationQueue,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
  ) {}

  async sweep(now: Date): Promise<SweepReport> {
    const timeout = this.config.sendingTimeoutSeconds * 1000;
    const recovered = await this.outbox.recoverStuck(new Date(now.getTime() - timeout));
    for (const row of recovered) await this.queue.dropStale(row.id);

    const report: SweepReport = { recovered: recovered.length, added: 0, promoted: 0 };
    const due = await this.outbox.pendingDueBy(new Date(now.getTime() + LOOKAHEAD_MS), BATCH);
    for (let i = 0; i < due.length; i += 50) {
      const outcomes = await Promise.all(
        due.slice(i, i + 50).map((row) => this.queue.ensure(row, now)),
      );
      report.added += outcomes.filter((o) => o === 'added').length;
      report.promoted += outcomes.filter((o) => o === 'promoted').length;
    }
    if (report.recovered || report.added || report.promoted) {
      this.logger.log(report, 'Sweeper reconciled the notification queue');
    }
    return report;
  }
}
