import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../common/access';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events.service';
import { firstName } from '../common/first-name';
import { decodeCursor, toPage } from '../common/pagination';
import type { CoveredSession } from '../availability/time-off-sessions';
import { IdentityService } from '../identity/identity.service';
import { sessionEvent } from './book-session.service';
import { SessionListQuery } from './dto/session.dto';
import { SessionDetailsService } from './session-details.service';
import { toSessionView, SessionDetails, SessionView, SessionPageView } from './session.view';
import { Session } from './session.entity';
import { Attendance, SessionStatus } from './session.types';
import { SessionNotStartedError, SessionStartedError, SessionStateError } from './sessions.errors';
import { OpenSessionRequestsRepository } from './open-session-requests.repository';
import { SessionsRepository, SessionState } from './sessions.repository';

export type { SessionState };

const participants = (s: Session) => [s.volunteerId, s.therapistId];

/** What a volunteer's answer did, and what the reply to them needs to say. */
export interface AttendanceResult {
  /** False when the answer was already recorded, or the session no longer open. */
  changed: boolean;
  /** Booked and not yet over: an answer can still be recorded. */
  open: boolean;
  status: SessionStatus;
  therapistId: string;
  startsAt: Date;
}

/** Reading sessions, and the changes that need no slot: cancel and outcome. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: SessionsRepository,
    private readonly requests: OpenSessionRequestsRepository,
    private readonly sessionDetails: SessionDetailsService,
    private readonly identity: IdentityService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** One session for its volunteer, its therapist or a coordinator (audited); 404 for others. */
  async get(actor: Actor, id: string, tz?: string): Promise<SessionView> {
    const session = await this.readable(actor, id, 'session.read');
    const zone = tz ?? actor.timezone;
    const details = await this.sessionDetails.one(actor, session, this.dataSource.manager);
    return toSessionView(session, zone, details);
  }

  /**
   * The session if the actor may read it; a coordinator's read is written to the audit trail
   * under `action`.
   */
  async readable(
    actor: Actor,
    id: string,
    action: 'session.read' | 'session.calendar_read',
  ): Promise<Session> {
    const session = requireAccess(
      actor,
      await this.repo.findSession(id, false, this.dataSource.manager),
      participants,
      { coordinator: true, what: 'session' },
    );
    if (actor.role === Role.Coordinator) {
      await this.audit.recordRead(actor, action, [id]);
    }
    return session;
  }

  /** Names and meeting details of a session already read with `readable`, for this reader. */
  details(actor: Actor, session: Session): Promise<SessionDetails> {
    return this.sessionDetails.one(actor, session, this.dataSource.manager);
  }

  /** A booked video session's link (the therapist's own, else its room); null otherwise. */
  videoLink(id: string): Promise<string | null> {
    return this.sessionDetails.videoLink(id, this.dataSource.manager);
  }

  /**
   * Where each of these sessions stands, for the signed links of texts (who is on it, when, its
   * version and status), in one read; no access check: the caller checks the person is on it.
   */
  async eventStates(ids: readonly string[]): Promise<Map<string, SessionState>> {
    const rows = await this.repo.states(ids, this.dataSource.manager);
    return new Map(rows.map((r) => [r.id, r]));
  }

  async list(actor: Actor, query: SessionListQuery): Promise<SessionPageView> {
    const em = this.dataSource.manager;
    const rows = await this.repo.list(
      {
        volunteerId: actor.role === Role.Volunteer ? actor.id : undefined,
        therapistId: actor.role === Role.Therapist ? actor.id : undefined,
        status: query.status,
        after: decodeCursor(query.cursor),
        limit: query.limit,
      },
      em,
    );
    const zone = query.tz ?? actor.timezone;
    const details = await this.sessionDetails.many(actor, rows.slice(0, query.limit), em);
    const page = toPage(
      rows,
      query.limit,
      (s) => ({ at: s.startsAt, id: s.id }),
      (s) => toSessionView(s, zone, details.get(s.id)!),
    );
    if (actor.role === Role.Coordinator && page.items.length > 0) {
      await this.audit.recordRead(
        actor,
        'session.listed',
        page.items.map((s) => s.id),
      );
    }
    return page;
  }

  /**
   * A person's sessions, as volunteer or therapist, newest start first (at most `limit`), in the
   * coordinator's zone, for the coordinator's view of that person; each one shown is audited as
   * listed. Empty for buddies and coordinators, who have no sessions.
   */
  async ofPerson(
    coordinator: Actor,
    person: { id: string; role: Role },
    limit: number,
  ): Promise<SessionView[]> {
    if (person.role !== Role.Volunteer && person.role !== Role.Therapist) return [];
    const em = this.dataSource.manager;
    const rows = await this.repo.list(
      person.role === Role.Volunteer
        ? { volunteerId: person.id, limit }
        : { therapistId: person.id, limit },
      em,
    );
    const shown = rows.slice(0, limit);
    const details = await this.sessionDetails.many(coordinator, shown, em);
    await this.audit.recordRead(
      coordinator,
      'session.listed',
      shown.map((s) => s.id),
    );
    return shown.map((s) => toSessionView(s, coordinator.timezone, details.get(s.id)!));
  }

  /**
   * `expectedSequence` (a signed link's version): the session must still be at it once locked,
   * else 404 as if gone, so a link never acts on a session that changed after it was opened.
   */
  async cancel(
    actor: Actor,
    id: string,
    reason: string,
    expectedSequence?: number,
  ): Promise<SessionView> {
    return this.dataSource.transaction(async (em) => {
      const session = requireAccess(
        actor,
        await this.repo.findSession(id, true, em),
        participants,
        {
          coordinator: true,
          what: 'session',
        },
      );
      if (expectedSequence !== undefined && session.sequence !== expectedSequence) {
        throw new NotFoundError('session');
      }
      if (session.status !== SessionStatus.Booked) {
        throw new SessionStateError('cancel', session.status);
      }
      if (actor.role !== Role.Coordinator && session.startsAt <= this.clock.now()) {
        throw new SessionStartedError();
      }
      await this.cancelAndGiveBack(actor, session, reason, em);
      return toSessionView(
        session,
        actor.timezone,
        await this.sessionDetails.one(actor, session, em),
      );
    });
  }

  /** The therapist records what happened, once the session has started. */
  async recordOutcome(
    actor: Actor,
    id: string,
    status: SessionStatus.Completed | SessionStatus.NoShow,
  ): Promise<SessionView> {
    return this.dataSource.transaction(async (em) => {
      const session = requireAccess(
        actor,
        await this.repo.findSession(id, true, em),
        (s) => [s.therapistId],
        { what: 'session' },
      );
      if (session.status !== SessionStatus.Booked) {
        throw new SessionStateError('outcome', session.status);
      }
      const now = this.clock.now();
      if (now < session.startsAt) throw new SessionNotStartedError();
      Object.assign(session, { status, outcomeAt: now });
      await em.save(session);
      await this.audit.record(
        {
          actor,
          action: 'session.outcome_recorded',
          target: { type: 'session', id },
          details: { status },
        },
        em,
      );
      return toSessionView(
        session,
        actor.timezone,
        await this.sessionDetails.one(actor, session, em),
      );
    });
  }

  /**
   * The volunteer answers a session text (`YES` / `NO`), in the caller's transaction: the
   * therapist then sees it on the session. Only a booked session that has not ended; a repeat of
   * the current answer changes nothing (`changed: false`). 404 for anyone but the volunteer.
   */
  async recordAttendance(
    actor: Actor,
    id: string,
    attendance: Attendance,
    em: EntityManager,
  ): Promise<AttendanceResult> {
    const session = requireAccess(
      actor,
      await this.repo.findSession(id, true, em),
      (s) => [s.volunteerId],
      { what: 'session' },
    );
    const facts = {
      therapistId: session.therapistId,
      startsAt: session.startsAt,
      status: session.status,
    };
    const now = this.clock.now();
    if (session.status !== SessionStatus.Booked || session.endsAt <= now) {
      return { ...facts, changed: false, open: false };
    }
    if (session.attendance === attendance) return { ...facts, changed: false, open: true };
    Object.assign(session, { attendance, attendanceAt: now });
    await em.save(session);
    await this.audit.record(
      {
        actor,
        action: 'session.attendance_recorded',
        target: { type: 'session', id },
        details: { attendance },
      },
      em,
    );
    return { ...facts, changed: true, open: true };
  }

  /**
   * Cancels the booked sessions of `userId` that have not started (as volunteer, or on either
   * side), in the caller's transaction: consent withdrawal and erasure.
   */
  async cancelFuture(
    userId: string,
    side: 'volunteer' | 'any',
    reason: string,
    em: EntityManager,
  ): Promise<number> {
    const sessions = await this.repo.futureBooked(userId, this.clock.now(), side, em);
    for (const session of sessions) await this.cancelSession(session, null, reason, em);
    return sessions.length;
  }

  /**
   * The therapist's booked sessions, not yet started, that overlap `range` (locked), with each
   * volunteer's first name: what time off over `range` would cover. In the caller's transaction.
   */
  async coveredByTimeOff(
    therapistId: string,
    range: { from: Date; to: Date },
    em: EntityManager,
  ): Promise<CoveredSession[]> {
    const sessions = await this.repo.bookedOverlapping(therapistId, range, this.clock.now(), em);
    const people = await this.identity.getMany(
      sessions.map((s) => s.volunteerId),
      em,
    );
    return sessions.map((s) => ({
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      volunteerFirstName: firstName(people.get(s.volunteerId)?.name),
    }));
  }

  /**
   * The therapist cancels these sessions for time off, in the caller's transaction, as `cancel`
   * does one: the volunteer is told by text, their request reopens, each is audited. Only the
   * therapist's own booked sessions that have not started; others are left alone.
   */
  async cancelForTimeOff(
    actor: Actor,
    ids: string[],
    reason: string,
    em: EntityManager,
  ): Promise<void> {
    const now = this.clock.now();
    for (const id of ids) {
      const session = await this.repo.findSession(id, true, em);
      if (!session || session.therapistId !== actor.id) continue;
      if (session.status !== SessionStatus.Booked || session.startsAt <= now) continue;
      await this.cancelAndGiveBack(actor, session, reason, em);
    }
  }

  /**
   * A person cancels: the volunteer's session comes back to them (their request opens again, to
   * choose anew), and the audit trail has it (ids only: the reason is the person's own words).
   */
  private async cancelAndGiveBack(
    actor: Actor,
    session: Session,
    reason: string,
    em: EntityManager,
  ): Promise<void> {
    await this.cancelSession(session, actor.id, reason, em);
    await this.requests.lockVolunteer(session.volunteerId, em);
    await this.requests.reopen(session.requestId, session.volunteerId, this.clock.now(), em);
    await this.audit.record(
      { actor, action: 'session.cancelled', target: { type: 'session', id: session.id } },
      em,
    );
  }

  /** Frees the slot and the volunteer's entitlement; the invite's SEQUENCE moves on. */
  private async cancelSession(
    session: Session,
    by: string | null,
    reason: string,
    em: EntityManager,
  ): Promise<void> {
    Object.assign(session, {
      status: SessionStatus.Cancelled,
      cancelledAt: this.clock.now(),
      cancelledBy: by,
      cancelReason: reason,
      sequence: session.sequence + 1,
    });
    await em.save(session);
    await this.events.publish(
      'session.cancelled',
      {
        ...sessionEvent(session),
        cancelledBy: by,
      },
      em,
    );
  }
}
