import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DataRights, PersonalDataPart } from '../common/data-rights.service';
import { DomainEvents, DomainEventMap } from '../common/domain-events.service';
import { ConsentPurpose } from '../consent/consent-purpose';
import { BuddyRequest } from './buddy-request.entity';
import { Checkin } from './checkin.entity';
import { Pairing } from './pairing.entity';
import { PairingsRepository } from './pairings.repository';
import { PairingLifecycle } from './pairing-lifecycle.service';

/** Purposes without which a volunteer's pairing cannot go on. */
const PAIRING_NEEDS = new Set<string>([
  ConsentPurpose.DataProcessing,
  ConsentPurpose.ShareWithBuddy,
]);

/**
 * Pairings in a person's data rights (export, erasure) and in consent: withdrawing processing or
 * buddy-sharing consent ends the volunteer's pairing inside the withdrawal's own transaction.
 */
@Injectable()
export class PairingsDataPart implements PersonalDataPart, OnModuleInit {
  readonly name = 'pairings';

  constructor(
    private readonly dataRights: DataRights,
    private readonly events: DomainEvents,
    private readonly pairings: PairingsRepository,
    private readonly lifecycle: PairingLifecycle,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.dataRights.register(this);
    this.events.on('consent.withdrawn', (event, em) => this.onConsentWithdrawn(event, em));
  }

  async onConsentWithdrawn(
    { userId, purpose }: DomainEventMap['consent.withdrawn'],
    em: EntityManager,
  ): Promise<void> {
    if (!PAIRING_NEEDS.has(purpose)) return;
    await this.endAll(userId, 'volunteer', 'consent-withdrawn', em);
  }

  async export(userId: string, em: EntityManager): Promise<unknown> {
    const requests = await em.findBy(BuddyRequest, { volunteerId: userId });
    const pairings = await em.find(Pairing, {
      where: [{ volunteerId: userId }, { buddyId: userId }],
      order: { createdAt: 'ASC' },
    });
    const calls = await em
      .createQueryBuilder(Checkin, 'c')
      .where('c.pairing_id = ANY (:ids)', { ids: pairings.map((p) => p.id) })
      .orderBy('c.starts_at', 'ASC')
      .getMany();
    return { requests, pairings, calls };
  }

  /**
   * Ends their active pairings (either side), cancels calls to come, and blanks the free text
   * (call notes, reasons people wrote) and the Skype handle.
   */
  async erase(userId: string, em: EntityManager): Promise<void> {
    await this.endAll(userId, 'either', 'erased', em);
    await em.query(
      `UPDATE checkin SET note = NULL
        WHERE note IS NOT NULL
          AND pairing_id IN (SELECT id FROM pairing WHERE volunteer_id = $1 OR buddy_id = $1)`,
      [userId],
    );
    await em.query(
      `UPDATE pairing SET ended_reason = NULL
        WHERE ended_by IS NOT NULL AND ended_reason IS NOT NULL
          AND (volunteer_id = $1 OR buddy_id = $1)`,
      [userId],
    );
    await em.query(
      `UPDATE buddy_request SET skype_handle = NULL
        WHERE volunteer_id = $1 AND skype_handle IS NOT NULL`,
      [userId],
    );
  }

  private async endAll(
    userId: string,
    side: 'volunteer' | 'either',
    cause: 'consent-withdrawn' | 'erased',
    em: EntityManager,
  ): Promise<void> {
    const now = this.clock.now();
    for (const pairing of await this.pairings.lockActivePairingsOf(userId, side, em)) {
      await this.lifecycle.endForSystem(pairing, cause, now, em);
    }
  }
}
