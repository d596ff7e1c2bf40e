import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { schedulesConfig } from '../../config/configuration';
import { Clock } from '../common/clock';
import { Periodic } from '../common/periodic.service';
import { CallMaterialiser } from './call-materialiser.service';
import { PairingLifecycle } from './pairing-lifecycle.service';

/** Call planning, hourly by default on the periodic scheduler; the work is idempotent. */
@Injectable()
export class CheckinsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(CheckinsProcessor.name);

  constructor(
    private readonly materialiser: CallMaterialiser,
    private readonly lifecycle: PairingLifecycle,
    private readonly periodic: Periodic,
    private readonly clock: Clock,
    @Inject(schedulesConfig.KEY) private readonly schedules: ConfigType<typeof schedulesConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.schedule({
      name: 'call-planning',
      everySeconds: this.schedules.callPlanningSeconds,
      run: () => this.materialise(),
    });
  }

  /** Ends pairings whose plan is over, then plans the calls of the others up to the horizon. */
  async materialise(): Promise<{ ended: number; added: number }> {
    const now = this.clock.now();
    const ended = await this.lifecycle.endFinished(now);
    const added = await this.materialiser.materialise(now);
    this.logger.log({ ended, added }, 'check-in calls materialised');
    return { ended, added };
  }
}
