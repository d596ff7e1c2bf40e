import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bull';
import { Clock } from '../common/clock';
import { QueueName } from '../common/queues';
import { CallMaterialiser } from './call-materialiser';
import { PairingLifecycle } from './pairing-lifecycle';

export enum CheckinsJob {
  Materialise = 'materialise',
}

export interface CheckinsJobData {
  [CheckinsJob.Materialise]: Record<string, never>;
}

/** Every hour at :07, calls are planned up to the horizon; the work is idempotent. */
const MATERIALISE_CRON = '7 * * * *';

@Processor(QueueName.Checkins)
export class CheckinsProcessor {
  private readonly logger = new Logger(CheckinsProcessor.name);

  constructor(
    private readonly materialiser: CallMaterialiser,
    private readonly lifecycle: PairingLifecycle,
    private readonly clock: Clock,
  ) {}

  /** Ends pairings whose plan is over, then plans the calls of the others up to the horizon. */
  @Process(CheckinsJob.Materialise)
  async materialise(): Promise<{ ended: number; added: number }> {
    const now = this.clock.now();
    const ended = await this.lifecycle.endFinished(now);
    const added = await this.materialiser.materialise(now);
    this.logger.log({ ended, added }, 'check-in calls materialised');
    return { ended, added };
  }
}

/** Registers the repeatable job once (Bull keys repeatable jobs by name and cron: no duplicates). */
@Injectable()
export class CheckinsScheduler implements OnModuleInit {
  constructor(@InjectQueue(QueueName.Checkins) private readonly queue: Queue) {}

  async onModuleInit(): Promise<void> {
    const data: CheckinsJobData[CheckinsJob.Materialise] = {};
    await this.queue.add(CheckinsJob.Materialise, data, {
      repeat: { cron: MATERIALISE_CRON },
      removeOnComplete: 50,
      removeOnFail: 200,
    });
  }
}
