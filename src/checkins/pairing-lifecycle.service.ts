import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainEvents } from '../common/domain-events.service';
import { Pairing } from './pairing.entity';
import { checkinEvent, PairingsRepository } from './pairings.repository';

export interface PairingEnd {
  /** Who ended it; null when the system did (consent withdrawn, erasure, plan over). */
  by: string | null;
  reason: string;
}

const BATCH = 200;

/** How a pairing ends, whoever ends it: its calls to come are cancelled in the same transaction. */
@Injectable()
export class PairingLifecycle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairings: PairingsRepository,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
  ) {}

  /** Ends an active pairing the caller has locked and cancels its calls still to come. */
  async endPairing(pairing: Pairing, end: PairingEnd, now: Date, em: EntityManager) {
    Object.assign(pairing, {
      status: 'ended',
      endedAt: now,
      endedBy: end.by,
      endedReason: end.reason,
    });
    await em.update(Pairing, pairing.id, {
      status: pairing.status,
      endedAt: pairing.endedAt,
      endedBy: pairing.endedBy,
      endedReason: pairing.endedReason,
    });
    for (const call of await this.pairings.cancelFutureCalls(pairing.id, now, [], em)) {
      await this.events.publish('checkin.cancelled', checkinEvent(pairing, call), em);
    }
    await this.events.publish(
      'pairing.ended',
      {
        pairingId: pairing.id,
        volunteerId: pairing.volunteerId,
        buddyId: pairing.buddyId,
        reason: end.reason,
      },
      em,
    );
  }

  /** Ends a pairing on the system's behalf and says why in the audit trail. */
  async endForSystem(pairing: Pairing, cause: string, now: Date, em: EntityManager) {
    await this.endPairing(pairing, { by: null, reason: cause }, now, em);
    await this.audit.record(
      {
        actor: null,
        action: 'pairing.ended',
        target: { type: 'pairing', id: pairing.id },
        details: { cause },
      },
      em,
    );
  }

  /**
   * Part of the hourly job: pairings whose last call date has passed in their own zone end, so
   * they stop holding a place in their buddy's capacity. Answers how many ended.
   */
  async endFinished(now: Date): Promise<number> {
    let ended = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (em) => {
        const due = await this.pairings.lockFinishedPairings(now, BATCH, em);
        for (const pairing of due) await this.endForSystem(pairing, 'plan-ended', now, em);
        return due.length;
      });
      ended += batch;
      if (batch < BATCH) return ended;
    }
  }
}
