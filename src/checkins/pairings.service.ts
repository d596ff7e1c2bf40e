import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { checkinsConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../common/access';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { OutOfRangeError, requireScheduledDate } from '../common/time-range';
import { addDays, localToday } from '../common/time/wall-clock';
import { DomainEvents } from '../common/domain-events.service';
import { isCheckViolation, isUniqueViolation } from '../common/pg-errors';
import { RequestClosedError } from '../common/request-errors';
import { ConsentService } from '../consent/consent.service';
import { ConsentPurpose } from '../consent/consent-purpose';
import { PeopleService } from '../people/people.service';
import { BuddyRequest } from './buddy-request.entity';
import { CallMaterialiser } from './call-materialiser.service';
import { firstCallDate } from './call-plan';
import {
  AlreadyPairedError,
  BuddyFullError,
  BuddyNotMatchableError,
  PairingEndedError,
} from './checkins.errors';
import { CreatePairingDto, EndPairingDto, ReplanDto } from './dto/pairing.dto';
import { Pairing } from './pairing.entity';
import { PairingLifecycle } from './pairing-lifecycle.service';
import { checkinEvent, PairingsRepository } from './pairings.repository';
import { OpenBuddyRequestsRepository } from './open-buddy-requests.repository';

/** Creating, re-planning and ending pairings; every change with its calls in one transaction. */
@Injectable()
export class PairingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pairings: PairingsRepository,
    private readonly requests: OpenBuddyRequestsRepository,
    private readonly materialiser: CallMaterialiser,
    private readonly lifecycle: PairingLifecycle,
    private readonly people: PeopleService,
    private readonly consent: ConsentService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(checkinsConfig.KEY) private readonly config: ConfigType<typeof checkinsConfig>,
  ) {}

  async create(actor: Actor, dto: CreatePairingDto): Promise<Pairing> {
    const now = this.clock.now();
    try {
      return await this.dataSource.transaction(async (em) => {
        const request = requireAccess(
          actor,
          await em.findOneBy(BuddyRequest, { id: dto.requestId }),
          (r) => [r.volunteerId],
          { coordinator: true, what: 'buddy request' },
        );
        if (request.status === 'withdrawn' || request.status === 'lapsed') {
          throw new RequestClosedError('buddy');
        }
        await this.requireSharing(request.volunteerId, em);
        const [matchable] = await this.people.matchableIds('buddy', [dto.buddyId], em);
        const [profile] = matchable ? await this.people.buddyProfiles([matchable], em) : [];
        if (!profile) throw new BuddyNotMatchableError();
        if (dto.endsOn) requireScheduledDate(now, 'endsOn', dto.endsOn);
        const endsOn = dto.endsOn ?? (await this.defaultEnd(request.volunteerId, em));
        refuseEndInPast(endsOn, now, dto.timezone);
        const active = await this.pairings.lockBuddyLoad(profile.userId, em);
        if (active >= profile.maxActivePairings) throw new BuddyFullError();

        const pairing = await em.save(
          em.create(Pairing, {
            requestId: request.id,
            volunteerId: request.volunteerId,
            buddyId: profile.userId,
            channel: request.channel,
            cadence: dto.cadence,
            weekday: dto.weekday,
            localTime: dto.localTime,
            timezone: dto.timezone,
            anchorOn: firstCallDate(now, dto.weekday, dto.localTime, dto.timezone),
            endsOn,
            createdBy: actor.id,
          }),
        );
        // Withdrawn meanwhile: the guarded update says so, and the pairing rolls back.
        if (!(await this.requests.markPaired(request.id, em)))
          throw new RequestClosedError('buddy');
        await this.audit.record(
          {
            actor,
            action: 'pairing.created',
            target: { type: 'pairing', id: pairing.id },
            details: { volunteerId: pairing.volunteerId, buddyId: pairing.buddyId },
          },
          em,
        );
        await this.events.publish('pairing.created', eventOf(pairing), em);
        await this.materialiser.materialisePairing(pairing, now, em);
        return pairing;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'pairing_one_active_per_volunteer')) {
        throw new AlreadyPairedError();
      }
      // A suspension that committed while this pairing was being made (invariant 4, in the database).
      if (isCheckViolation(error, 'pairing_buddy_verified')) throw new BuddyNotMatchableError();
      throw error;
    }
  }

  /**
   * A new plan from now on (e.g. fortnightly once the volunteer is home): calls to come that the
   * new plan does not have are cancelled, the new ones are added.
   */
  replan(actor: Actor, id: string, dto: ReplanDto): Promise<Pairing> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const pairing = await this.lockOwn(actor, id, em);
      if (pairing.status !== 'active') throw new PairingEndedError();
      const timezone = dto.timezone ?? pairing.timezone;
      if (dto.endsOn) requireScheduledDate(now, 'endsOn', dto.endsOn);
      refuseEndInPast(dto.endsOn, now, timezone);
      Object.assign(pairing, {
        cadence: dto.cadence,
        weekday: dto.weekday,
        localTime: dto.localTime,
        timezone,
        anchorOn: firstCallDate(now, dto.weekday, dto.localTime, timezone),
        endsOn: dto.endsOn ?? pairing.endsOn,
      });
      await em.update(Pairing, pairing.id, {
        cadence: pairing.cadence,
        weekday: pairing.weekday,
        localTime: pairing.localTime,
        timezone: pairing.timezone,
        anchorOn: pairing.anchorOn,
        endsOn: pairing.endsOn,
      });
      const planned = this.materialiser.plannedCalls(pairing, now);
      for (const call of await this.pairings.cancelFutureCalls(pairing.id, now, planned, em)) {
        await this.events.publish('checkin.cancelled', checkinEvent(pairing, call), em);
      }
      const revived = await this.pairings.reviveCalls(pairing.id, planned, em);
      await this.materialiser.announce([pairing], revived, em);
      await this.materialiser.materialisePairing(pairing, now, em);
      await this.audit.record(
        {
          actor,
          action: 'pairing.replanned',
          target: { type: 'pairing', id: pairing.id },
          details: { cadence: pairing.cadence, weekday: pairing.weekday },
        },
        em,
      );
      return pairing;
    });
  }

  end(actor: Actor, id: string, dto: EndPairingDto): Promise<Pairing> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (em) => {
      const pairing = await this.lockOwn(actor, id, em);
      if (pairing.status !== 'active') throw new PairingEndedError();
      await this.lifecycle.endPairing(pairing, { by: actor.id, reason: dto.reason }, now, em);
      await this.audit.record(
        {
          actor,
          action: 'pairing.ended',
          target: { type: 'pairing', id: pairing.id },
          details: { cause: `ended-by-${actor.role}` },
        },
        em,
      );
      return pairing;
    });
  }

  /** The pairing, locked, if the caller is on it or a coordinator; else 404. */
  async lockOwn(actor: Actor, id: string, em: EntityManager): Promise<Pairing> {
    return requireAccess(
      actor,
      await this.pairings.lockPairing(id, em),
      (p) => [p.volunteerId, p.buddyId],
      { coordinator: true, what: 'pairing' },
    );
  }

  private async requireSharing(volunteerId: string, em: EntityManager) {
    await this.consent.requireConsent(volunteerId, ConsentPurpose.DataProcessing, em);
    await this.consent.requireConsent(volunteerId, ConsentPurpose.ShareWithBuddy, em);
  }

  /** Some weeks after the volunteer's return (past, or planned while deployed); open-ended if unknown. */
  private async defaultEnd(volunteerId: string, em: EntityManager): Promise<string | null> {
    const volunteer = await this.people.volunteerProfile(volunteerId, em);
    const back = volunteer.returnedOn ?? volunteer.returnsOn;
    return back ? addDays(back, 7 * this.config.pairingWeeksAfterReturn) : null;
  }
}

const eventOf = (p: Pairing) => ({
  pairingId: p.id,
  volunteerId: p.volunteerId,
  buddyId: p.buddyId,
});

/** Also catches a default end (weeks after return) that has already passed: say endsOn then. */
function refuseEndInPast(endsOn: string | null | undefined, now: Date, timezone: string) {
  if (endsOn && endsOn < localToday(now, timezone)) {
    throw new OutOfRangeError(
      'endsOn',
      `The pairing would end on ${endsOn}, which has passed; give an endsOn of today or later.`,
    );
  }
}
