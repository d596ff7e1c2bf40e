import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { NotFoundError } from '../common/domain-error';
import { ValidationFailedException } from '../common/problem';
import { Range } from '../common/time/interval';
import { addDays, atLocal, dayNumber } from '../common/time/wall-clock';
import { parseLocalTime } from '../common/time/weekly-window';
import { zonedTime } from '../common/time/zoned-time.view';
import { AvailabilityNotSetError, TimeOffCoversSessionsError } from './availability.errors';
import { AvailabilityRepository, StoredException, TimeWindow } from './availability.repository';
import { AvailabilityService } from './availability.service';
import {
  AvailabilityExceptionDto,
  CoveredSessionChoice,
  PutAvailabilityDto,
  TimeOffDto,
} from './dto/availability.dto';
import { Clock } from '../common/clock';
import { requireScheduledDate } from '../common/time-range';
import { AvailabilityExceptionView, AvailabilityView, TimeOffView } from './availability.view';
import { CoveredSession } from './time-off-sessions';

/** The longest time off one request may set: a year, leap day included. */
export const MAX_TIME_OFF_DAYS = 366;
/** The reason a session cancelled for time off carries. */
const TIME_OFF_REASON = 'therapist-time-off';

const toExceptionView = (e: StoredException): AvailabilityExceptionView => ({
  id: e.id,
  date: e.date,
  unavailable: e.windows.length === 0,
  windows: e.windows,
});

/**
 * A therapist's or buddy's own availability. Every route acts on the caller's own id, so nobody
 * can touch another person's availability; an exception id that is not yours is a 404.
 */
@Injectable()
export class MyAvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AvailabilityRepository,
    private readonly availability: AvailabilityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async view(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<AvailabilityView> {
    const stored = (await this.repository.load([userId], null, em)).get(userId);
    return {
      timezone: stored?.timezone ?? null,
      weekly: stored?.weekly ?? [],
      exceptions: stored?.exceptions.map(toExceptionView) ?? [],
    };
  }

  async replaceWeekly(actor: Actor, dto: PutAvailabilityDto): Promise<AvailabilityView> {
    return this.dataSource.transaction(async (em) => {
      await this.repository.replaceWeekly(actor.id, dto.timezone, dto.weekly, em);
      await this.audit.record(
        {
          actor,
          action: 'availability.weekly_replaced',
          target: { type: 'account', id: actor.id },
          details: { windows: dto.weekly.length },
        },
        em,
      );
      return this.view(actor.id, em);
    });
  }

  async setException(
    actor: Actor,
    dto: AvailabilityExceptionDto,
  ): Promise<AvailabilityExceptionView> {
    requireScheduledDate(this.clock.now(), 'date', dto.date);
    return this.dataSource.transaction(async (em) => {
      const zone = await this.repository.lockZone(actor.id, em);
      if (!zone) throw new AvailabilityNotSetError();
      const windows = dto.windows ?? [];
      const covered = (
        await this.availability.coveredSessions(actor.id, dayRange(zone, dto.date, dto.date), em)
      ).filter((s) => !insideAny(s, zone, dto.date, windows));
      const handled = await this.handleCovered(actor, covered, dto.sessions, zone, em);
      const id = await this.repository.setException(actor.id, dto.date, windows, em);
      await this.audit.record(
        {
          actor,
          action: 'availability.exception_set',
          target: { type: 'availability_exception', id },
          details: { windows: windows.length, ...handled.counts },
        },
        em,
      );
      return toExceptionView({ id, date: dto.date, windows });
    });
  }

  /**
   * Time off: every date from `from` to `to` (both included, in the availability zone) becomes
   * unavailable, in one transaction. Booked sessions inside it stop the request with 409
   * `time-off-covers-sessions` unless `sessions` says to keep or cancel them; cancelled ones go
   * through the sessions module, so each volunteer is told and their request reopens.
   */
  async setTimeOff(actor: Actor, dto: TimeOffDto): Promise<TimeOffView> {
    if (dto.to < dto.from) {
      throw new ValidationFailedException([{ field: 'to', message: 'to must not be before from' }]);
    }
    if (dayNumber(dto.to) - dayNumber(dto.from) >= MAX_TIME_OFF_DAYS) {
      throw new ValidationFailedException([
        { field: 'to', message: `to must be at most ${MAX_TIME_OFF_DAYS} days from from` },
      ]);
    }
    const now = this.clock.now();
    requireScheduledDate(now, 'from', dto.from);
    requireScheduledDate(now, 'to', dto.to);
    return this.dataSource.transaction(async (em) => {
      const zone = await this.repository.lockZone(actor.id, em);
      if (!zone) throw new AvailabilityNotSetError();
      const covered = await this.availability.coveredSessions(
        actor.id,
        dayRange(zone, dto.from, dto.to),
        em,
      );
      const handled = await this.handleCovered(actor, covered, dto.sessions, zone, em);
      const exceptions = await this.repository.closeDates(actor.id, dto.from, dto.to, em);
      await this.audit.record(
        {
          actor,
          action: 'availability.time_off_set',
          target: { type: 'account', id: actor.id },
          details: { days: exceptions.length, ...handled.counts },
        },
        em,
      );
      return {
        from: dto.from,
        to: dto.to,
        exceptions: exceptions.map(toExceptionView),
        cancelledSessionIds: handled.cancelled,
        keptSessionIds: handled.kept,
      };
    });
  }

  /** 409 listing the covered sessions unless the caller chose; cancels them when asked. */
  private async handleCovered(
    actor: Actor,
    covered: CoveredSession[],
    choice: CoveredSessionChoice | undefined,
    zone: string,
    em: EntityManager,
  ) {
    const ids = covered.map((s) => s.id);
    if (covered.length > 0 && choice === undefined) {
      throw new TimeOffCoversSessionsError(
        covered.map((s) => ({
          id: s.id,
          startsAt: zonedTime(s.startsAt, zone),
          endsAt: zonedTime(s.endsAt, zone),
          volunteerFirstName: s.volunteerFirstName,
        })),
      );
    }
    if (choice === 'cancel') {
      await this.availability.cancelCoveredSessions(actor, ids, TIME_OFF_REASON, em);
    }
    const cancelled = choice === 'cancel' ? ids : [];
    const kept = choice === 'cancel' ? [] : ids;
    return {
      cancelled,
      kept,
      counts: { sessionsCancelled: cancelled.length, sessionsKept: kept.length },
    };
  }

  async removeException(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      if (!(await this.repository.deleteException(actor.id, id, em))) {
        throw new NotFoundError('availability exception');
      }
      await this.audit.record(
        {
          actor,
          action: 'availability.exception_removed',
          target: { type: 'availability_exception', id },
        },
        em,
      );
    });
  }
}

/** From the start of local date `from` to the start of the day after `to`, in `zone`. */
const dayRange = (zone: string, from: string, to: string): Range => ({
  from: atLocal(zone, from, 0),
  to: atLocal(zone, addDays(to, 1), 0),
});

/** Whether the session lies wholly inside one of the date's windows (`24:00` is the next midnight). */
function insideAny(
  session: CoveredSession,
  zone: string,
  date: string,
  windows: TimeWindow[],
): boolean {
  return windows.some((w) => {
    const start = atLocal(zone, date, parseLocalTime(w.start));
    const end =
      w.end === '24:00'
        ? atLocal(zone, addDays(date, 1), 0)
        : atLocal(zone, date, parseLocalTime(w.end));
    return session.startsAt >= start && session.endsAt <= end;
  });
}
