import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { checkinsConfig } from '../../config/configuration';
import { DomainEvents } from '../common/domain-events.service';
import { CallPlan, occurrences } from './call-plan';
import { Pairing } from './pairing.entity';
import { CallRow, checkinEvent, PairingsRepository } from './pairings.repository';

const BATCH = 200;
const WEEK_MS = 7 * 86_400_000;

export const planOf = (p: Pairing): CallPlan => ({
  cadence: p.cadence,
  weekday: p.weekday,
  localTime: p.localTime,
  timezone: p.timezone,
  anchorOn: p.anchorOn,
  endsOn: p.endsOn,
});

/**
 * Turns call plans into `checkin` rows for a rolling horizon. Idempotent: each occurrence has one
 * row per (pairing, planned instant), so running it again, or twice at once, adds nothing.
 */
@Injectable()
export class CallMaterialiser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairings: PairingsRepository,
    private readonly events: DomainEvents,
    @Inject(checkinsConfig.KEY) private readonly config: ConfigType<typeof checkinsConfig>,
  ) {}

  /** The planned calls of a pairing from `now` to the horizon. */
  plannedCalls(pairing: Pairing, now: Date): Date[] {
    const to = new Date(now.getTime() + this.config.horizonWeeks * WEEK_MS);
    return occurrences(planOf(pairing), { from: now, to });
  }

  /** The job body: every active pairing, a batch per transaction. Answers how many calls it added. */
  async materialise(now: Date): Promise<number> {
    let added = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.transaction(async (em) => {
        const pairings = await this.pairings.activePairingsAfter(after, BATCH, em);
        const last = pairings.length === BATCH ? pairings[BATCH - 1].id : null;
        return { last, added: await this.addCalls(pairings, now, em) };
      });
      added += batch.added;
      if (!batch.last) return added;
      after = batch.last;
    }
  }

  /** Inside the caller's transaction, for a pairing just created or re-planned. */
  materialisePairing(pairing: Pairing, now: Date, em: EntityManager): Promise<number> {
    return this.addCalls([pairing], now, em);
  }

  private async addCalls(pairings: Pairing[], now: Date, em: EntityManager): Promise<number> {
    const rows = pairings.flatMap((p) =>
      this.plannedCalls(p, now).map((at) => ({ pairingId: p.id, at })),
    );
    const created = await this.pairings.insertCalls(rows, em);
    await this.announce(pairings, created, em);
    return created.length;
  }

  /** Publishes `checkin.scheduled` for calls that are new (or back) on the plan. */
  async announce(pairings: Pairing[], calls: CallRow[], em: EntityManager): Promise<void> {
    const byId = new Map(pairings.map((p) => [p.id, p]));
    for (const call of calls) {
      await this.events.publish(
        'checkin.scheduled',
        checkinEvent(byId.get(call.pairingId)!, call),
        em,
      );
    }
  }
}
