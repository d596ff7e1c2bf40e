import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { schedulesConfig } from '../../../config/configuration';
import { Clock } from '../../common/clock';
import { Periodic } from '../../common/periodic.service';
import { VettingService } from './vetting.service';

/**
 * The vetting expiry sweep, daily by default on the periodic scheduler: its periods are UTC days,
 * as vetting dates are. A failure throws, so the scheduler retries it within the day.
 */
@Injectable()
export class VettingProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly vetting: VettingService,
    private readonly periodic: Periodic,
    private readonly clock: Clock,
    @Inject(schedulesConfig.KEY) private readonly schedules: ConfigType<typeof schedulesConfig>,
  ) {}

  onApplicationBootstrap(): void {
    this.periodic.schedule({
      name: 'vetting-expiry',
      everySeconds: this.schedules.vettingExpirySeconds,
      run: () => this.expireLapsed(),
    });
  }

  async expireLapsed(): Promise<{ expired: number; warned: number }> {
    const { expired, warned } = await this.vetting.expireLapsed(this.clock.now());
    return { expired: expired.length, warned: warned.length };
  }
}
