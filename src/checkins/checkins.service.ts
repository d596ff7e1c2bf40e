import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../common/access';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { requireScheduledInstant } from '../common/time-range';
import { NotFoundError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events.service';
import { Checkin, CheckinStatus } from './checkin.entity';
import {
  CallClashError,
  CallNotDueError,
  CallNotScheduledError,
  CallStartedError,
  PairingEndedError,
} from './checkins.errors';
import { OutcomeDto, RescheduleDto } from './dto/checkin.dto';
import { Pairing } from './pairing.entity';
import { checkinEvent, PairingsRepository } from './pairings.repository';

/** One call as the buddy's reply by text needs it. */
export interface BuddyCall {
  id: string;
  pairingId: string;
  volunteerId: string;
  startsAt: Date;
  status: CheckinStatus;
}

const asCall = (c: Checkin) => ({ id: c.id, pairingId: c.pairingId, startsAt: c.startsAt });

/** What happens to one call: its outcome (and the escalations that follow) or a new time. */
@Injectable()
export class CheckinsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairings: PairingsRepository,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /**
   * The buddy logs how the call went. `concern` goes to safeguarding (`checkin.concern`); a missed
   * call right after or before another missed one flags the pairing, once (`pairing.flagged`).
   */
  outcome(actor: Actor, id: string, dto: OutcomeDto): Promise<void> {
    return this.dataSource.transaction((em) => this.recordOutcome(actor, id, dto, em));
  }

  /**
   * `outcome` in the caller's transaction: the same rules, audit and escalation, for a buddy's
   * reply by text (notifications). Throws as `outcome` does, before writing anything.
   */
  async recordOutcome(actor: Actor, id: string, dto: OutcomeDto, em: EntityManager): Promise<void> {
    const now = this.clock.now();
    const { pairing, call } = await this.lockCall(actor, id, (p) => [p.buddyId], em);
    if (call.status !== 'scheduled') throw new CallNotScheduledError(call.status);
    if (call.startsAt > now) throw new CallNotDueError();
    const wellbeing = dto.status === 'completed' ? (dto.wellbeing ?? null) : null;
    await em.update(Checkin, call.id, {
      status: dto.status,
      wellbeing,
      note: dto.note ?? null,
      outcomeAt: now,
    });
    await this.audit.record(
      {
        actor,
        action: 'checkin.outcome_recorded',
        target: { type: 'checkin', id: call.id },
        details: { status: dto.status, wellbeing },
      },
      em,
    );
    if (wellbeing === 'concern') {
      await this.events.publish(
        'checkin.concern',
        {
          ...checkinEvent(pairing, asCall(call)),
          reportedBy: actor.id,
        },
        em,
      );
    }
    if (dto.status === 'missed') await this.escalateIfConsecutive(pairing, call, now, em);
  }

  /**
   * The buddy's own call, for a reply by text that is not an outcome (`3`, "I need the
   * coordinator"): who it is with and where it stands, in the caller's transaction; 404 otherwise.
   */
  async buddyCall(actor: Actor, id: string, em: EntityManager): Promise<BuddyCall> {
    const { pairing, call } = await this.lockCall(actor, id, (p) => [p.buddyId], em);
    return {
      id: call.id,
      pairingId: pairing.id,
      volunteerId: pairing.volunteerId,
      startsAt: call.startsAt,
      status: call.status,
    };
  }

  /**
   * Either person moves one call to a new time in the future. With `expectedSequence` (a signed
   * link's version) the locked call must still be at it, else 404.
   */
  reschedule(
    actor: Actor,
    id: string,
    dto: RescheduleDto,
    expectedSequence?: number,
  ): Promise<void> {
    const now = this.clock.now();
    const startsAt = new Date(dto.startsAt);
    requireScheduledInstant(now, 'startsAt', startsAt);
    return this.dataSource.transaction(async (em) => {
      const { pairing, call } = await this.lockChangeable(actor, id, expectedSequence, em);
      if (await this.pairings.hasLiveCallAt(pairing.id, startsAt, call.id, em)) {
        throw new CallClashError();
      }
      await em.update(Checkin, call.id, { startsAt, sequence: () => 'sequence + 1' });
      await this.audit.record(
        { actor, action: 'checkin.moved', target: { type: 'checkin', id: call.id } },
        em,
      );
      await this.events.publish(
        'checkin.moved',
        {
          ...checkinEvent(pairing, { ...asCall(call), startsAt }),
          previousStartsAt: call.startsAt,
        },
        em,
      );
    });
  }

  /**
   * Either person calls off one call still to come; the plan's other calls stay, and a re-plan
   * never brings this one back. The other person gets a text. With `expectedSequence` (a signed
   * link's version) the locked call must still be at it, else 404.
   */
  cancel(actor: Actor, id: string, expectedSequence?: number): Promise<void> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const { pairing, call } = await this.lockChangeable(actor, id, expectedSequence, em);
      if (call.startsAt <= now) throw new CallStartedError();
      await em.update(Checkin, call.id, {
        status: 'cancelled',
        cancelledAt: now,
        cancelledBy: actor.id,
        sequence: () => 'sequence + 1',
      });
      await this.audit.record(
        { actor, action: 'checkin.cancelled', target: { type: 'checkin', id: call.id } },
        em,
      );
      await this.events.publish(
        'checkin.cancelled',
        { ...checkinEvent(pairing, asCall(call)), cancelledBy: actor.id },
        em,
      );
    });
  }

  private async escalateIfConsecutive(
    pairing: Pairing,
    call: Checkin,
    now: Date,
    em: EntityManager,
  ): Promise<void> {
    const neighbours = await this.pairings.neighbourStatuses(call, em);
    if (!neighbours.includes('missed')) return;
    if (!(await this.pairings.flagOnce(pairing.id, now, em))) return;
    await this.audit.record(
      { actor: null, action: 'pairing.flagged', target: { type: 'pairing', id: pairing.id } },
      em,
    );
    await this.events.publish(
      'pairing.flagged',
      {
        pairingId: pairing.id,
        volunteerId: pairing.volunteerId,
        buddyId: pairing.buddyId,
      },
      em,
    );
  }

  /**
   * A call either of its people may still move or cancel: locked, at `expectedSequence` when
   * given (a signed link's version; else 404), of an active pairing, and still scheduled.
   */
  private async lockChangeable(
    actor: Actor,
    id: string,
    expectedSequence: number | undefined,
    em: EntityManager,
  ): Promise<{ pairing: Pairing; call: Checkin }> {
    const locked = await this.lockCall(actor, id, (p) => [p.volunteerId, p.buddyId], em);
    if (expectedSequence !== undefined && locked.call.sequence !== expectedSequence) {
      throw new NotFoundError('check-in');
    }
    if (locked.pairing.status !== 'active') throw new PairingEndedError();
    if (locked.call.status !== 'scheduled') throw new CallNotScheduledError(locked.call.status);
    return locked;
  }

  /**
   * Locks the call's pairing, then the call (always in that order, as every writer of calls does),
   * after proving the caller is one of `people` on it; 404 otherwise.
   */
  private async lockCall(
    actor: Actor,
    id: string,
    people: (p: Pairing) => string[],
    em: EntityManager,
  ): Promise<{ pairing: Pairing; call: Checkin }> {
    const pairingId = await this.pairings.pairingIdOfCall(id, em);
    const found = pairingId ? await this.pairings.lockPairing(pairingId, em) : null;
    const pairing = requireAccess(actor, found, people, { what: 'check-in' });
    const call = await this.pairings.lockCall(id, em);
    if (!call) throw new NotFoundError('check-in');
    return { pairing, call };
  }
}
