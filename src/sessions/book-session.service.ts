import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { randomBytes } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { sessionsConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { AvailabilityService } from '../availability/availability.service';
import { requireAccess } from '../common/access';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { requireScheduledInstant } from '../common/time-range';
import { localMonth } from '../common/time/wall-clock';
import { DomainEvents, SessionEvent } from '../common/domain-events.service';
import { isCheckViolation, isExclusionViolation, isUniqueViolation } from '../common/pg-errors';
import { PeopleService } from '../people/people.service';
import type { Modality, TherapistProfileView } from '../people/people.types';
import { BookSessionDto, RescheduleSessionDto } from './dto/session.dto';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from '../common/idempotency';
import { SessionRequestsService } from './session-requests.service';
import { OpenSessionRequestsRepository } from './open-session-requests.repository';
import { RequestClosedError } from '../common/request-errors';
import { SessionDetailsService } from './session-details.service';
import { toSessionView, SessionView } from './session.view';
import { Session } from './session.entity';
import { SessionStatus } from './session.types';
import {
  CapacityReachedError,
  OutsideRequestWindowError,
  SessionAlreadyUsedError,
  SessionStartedError,
  SessionStateError,
  SlotTakenError,
  TherapistNotMatchableError,
  TherapistUnsuitableError,
} from './sessions.errors';
import { SessionsRepository } from './sessions.repository';

export const sessionEvent = (s: Session): SessionEvent => ({
  sessionId: s.id,
  volunteerId: s.volunteerId,
  therapistId: s.therapistId,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
});

/** When a session starting at `startsAt` ends, blocks the therapist until, and counts against. */
export function sessionTimes(startsAt: Date, therapist: TherapistProfileView) {
  const endsAt = new Date(startsAt.getTime() + therapist.sessionMinutes * 60_000);
  return {
    startsAt,
    endsAt,
    blockedUntil: new Date(endsAt.getTime() + therapist.bufferMinutes * 60_000),
    month: localMonth(startsAt, therapist.timezone),
  };
}

/** The database's verdicts on a booking, as the errors the API promises. */
function asDomainError(error: unknown): unknown {
  if (isExclusionViolation(error, 'session_no_overlap')) return new SlotTakenError();
  if (isUniqueViolation(error, 'session_one_per_volunteer')) return new SessionAlreadyUsedError();
  // A suspension that committed while this booking was being made (invariant 4, in the database).
  if (isCheckViolation(error, 'session_therapist_verified'))
    return new TherapistNotMatchableError();
  return error;
}

const isDeadlock = (error: unknown) =>
  error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '40P01';

/**
 * Runs the transaction again when PostgreSQL broke a deadlock by aborting it (two bookings
 * meeting each other's uncommitted rows, e.g. across a month boundary); the retry sees the
 * winner's committed row and answers as the constraints say.
 */
async function retryingDeadlocks<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw asDomainError(error);
    }
  }
}

/**
 * Booking and rescheduling: every rule checked in one transaction, and the rules that concurrent
 * requests could break left to the database (overlap, one session per volunteer) or taken under a
 * lock (monthly capacity).
 */
@Injectable()
export class BookSession {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: SessionsRepository,
    private readonly requests: SessionRequestsService,
    private readonly openRequests: OpenSessionRequestsRepository,
    private readonly people: PeopleService,
    private readonly availability: AvailabilityService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly details: SessionDetailsService,
    @Inject(sessionsConfig.KEY) private readonly config: ConfigType<typeof sessionsConfig>,
  ) {}

  async book(actor: Actor, dto: BookSessionDto, key?: string): Promise<SessionView> {
    const startsAt = new Date(dto.startsAt);
    requireScheduledInstant(this.clock.now(), 'startsAt', startsAt);
    const hash = requestHash('POST /v1/sessions', {
      requestId: dto.requestId,
      therapistId: dto.therapistId,
      startsAt: startsAt.toISOString(),
    });
    return retryingDeadlocks(() =>
      this.dataSource.transaction(async (em) => {
        if (key) {
          const claim = await claimIdempotencyKey<SessionView>(actor.id, key, hash, em);
          if (claim.replay) return claim.response;
        }
        const request = requireAccess(
          actor,
          await this.repo.findRequest(dto.requestId, em),
          (r) => [r.volunteerId],
          { what: 'session request' },
        );
        this.requests.requireOpen(request);
        await this.requests.requireSessionConsent(request.volunteerId, em);
        const therapist = await this.bookableTherapist(dto.therapistId, request.modality, em);
        if (!request.languages.some((l) => therapist.languages.includes(l))) {
          throw new TherapistUnsuitableError('language');
        }
        if (startsAt < request.notBefore || startsAt > request.notAfter) {
          throw new OutsideRequestWindowError();
        }
        await this.checkBookable(therapist, startsAt, undefined, em);
        const grantNo = await this.repo.nextEntitlement(request.volunteerId, em);
        if (grantNo === undefined) throw new SessionAlreadyUsedError();

        const times = sessionTimes(startsAt, therapist);
        const session = await em.save(
          em.create(Session, {
            requestId: request.id,
            volunteerId: request.volunteerId,
            therapistId: therapist.userId,
            grantNo,
            modality: request.modality,
            status: SessionStatus.Booked,
            sequence: 0,
            videoRoomUrl: request.modality === 'video' ? this.newVideoRoom() : null,
            ...times,
          }),
        );
        // Withdrawn meanwhile: the guarded update says so, and the booking rolls back.
        if (!(await this.openRequests.markBooked(request.id, em))) {
          throw new RequestClosedError('session');
        }
        await this.events.publish('session.booked', sessionEvent(session), em);
        await this.audit.record(
          {
            actor,
            action: 'session.booked',
            target: { type: 'session', id: session.id },
            details: { therapistId: therapist.userId, grantNo },
          },
          em,
        );
        const details = await this.details.one(actor, session, em, therapist);
        const answer = toSessionView(session, actor.timezone, details);
        if (key) await storeIdempotentResponse(actor.id, key, 201, answer, em);
        // The month's lock last, so it is held for the count and the commit only.
        await this.requireCapacity(therapist, session.month, em);
        return answer;
      }),
    );
  }

  /**
   * Same rules as booking, on the same row: the entitlement it uses does not change. With
   * `expectedSequence` (a signed link's version) the locked row must still be at it, else 404.
   */
  async reschedule(
    actor: Actor,
    id: string,
    dto: RescheduleSessionDto,
    expectedSequence?: number,
  ): Promise<SessionView> {
    const startsAt = new Date(dto.startsAt);
    requireScheduledInstant(this.clock.now(), 'startsAt', startsAt);
    return retryingDeadlocks(() =>
      this.dataSource.transaction(async (em) => {
        const session = requireAccess(
          actor,
          await this.repo.findSession(id, true, em),
          (s) => [s.volunteerId, s.therapistId],
          { what: 'session' },
        );
        if (expectedSequence !== undefined && session.sequence !== expectedSequence) {
          throw new NotFoundError('session');
        }
        if (session.status !== SessionStatus.Booked) {
          throw new SessionStateError('reschedule', session.status);
        }
        if (session.startsAt <= this.clock.now()) throw new SessionStartedError();
        await this.requests.requireSessionConsent(session.volunteerId, em);
        const therapist = await this.bookableTherapist(session.therapistId, session.modality, em);
        await this.checkBookable(therapist, startsAt, session.id, em);

        const previous = { startsAt: session.startsAt, month: session.month };
        const times = sessionTimes(startsAt, therapist);
        Object.assign(session, times, { sequence: session.sequence + 1 });
        await em.save(session);
        await this.events.publish(
          'session.rescheduled',
          { ...sessionEvent(session), previousStartsAt: previous.startsAt },
          em,
        );
        await this.audit.record(
          {
            actor,
            action: 'session.rescheduled',
            target: { type: 'session', id: session.id },
            details: { sequence: session.sequence },
          },
          em,
        );
        // A move into another month counts against it; its lock last, as in `book`.
        if (session.month !== previous.month) {
          await this.requireCapacity(therapist, session.month, em);
        }
        const details = await this.details.one(actor, session, em, therapist);
        return toSessionView(session, actor.timezone, details);
      }),
    );
  }

  /**
   * A room of its own for a video session, on the configured provider; null when none is. The
   * name is 128 random bits in hex: unguessable, and hex letters (a to f) can never spell a word
   * that texts must not carry (the link goes into the reminder).
   */
  private newVideoRoom(): string | null {
    const base = this.config.videoRoomBaseUrl;
    return base ? `${base}${randomBytes(16).toString('hex')}` : null;
  }

  /** The therapist's profile if they may be booked now (the people module's rule) for `modality`. */
  private async bookableTherapist(
    therapistId: string,
    modality: Modality,
    em: EntityManager,
  ): Promise<TherapistProfileView> {
    const profile = await this.people.bookableTherapist(therapistId, em);
    if (!profile) throw new TherapistNotMatchableError();
    if (!profile.modalities.includes(modality)) throw new TherapistUnsuitableError('modality');
    return profile;
  }

  /** Availability's verdict on `startsAt`, given the therapist's busy time (without `movingId`). */
  private async checkBookable(
    therapist: TherapistProfileView,
    startsAt: Date,
    movingId: string | undefined,
    em: EntityManager,
  ): Promise<void> {
    const { endsAt } = sessionTimes(startsAt, therapist);
    const busy = await this.repo.busyIntervals(
      [therapist.userId],
      {
        from: startsAt,
        to: endsAt,
      },
      em,
    );
    await this.availability.checkBookable(
      therapist,
      startsAt,
      busy.filter((b) => b.id !== movingId),
      em,
    );
  }

  /**
   * Locks the month and counts it, this booking included; over capacity rolls it all back. Called
   * after every other write of the transaction: the session row is already in place (the overlap
   * and one-per-volunteer constraints have ruled), so a lock holder never waits on another row and
   * bookings of the same month queue only for the count and the commit. Each counts after the
   * previous holder committed (READ COMMITTED: the count takes a fresh snapshot after the lock).
   */
  private async requireCapacity(
    therapist: TherapistProfileView,
    month: string,
    em: EntityManager,
  ): Promise<void> {
    await this.repo.lockMonth(therapist.userId, month, em);
    const used = await this.repo.countMonth(therapist.userId, month, em);
    if (used > therapist.monthlyCapacity) throw new CapacityReachedError(month);
  }
}
