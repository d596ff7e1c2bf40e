import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { availabilityConfig } from '../../config/configuration';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { Interval, Range } from '../common/time/interval';
import { isoDate } from '../common/time/wall-clock';
import { PeopleService } from '../people/people.service';
import type { TherapistProfileView } from '../people/people.types';
import { NotBookableError, SlotTakenError } from './availability.errors';
import {
  AvailabilityRepository,
  StoredAvailability,
  toAvailability,
} from './availability.repository';
import { BusyInterval, BusySource } from './busy-source';
import { CoveredSession, TimeOffSessions } from './time-off-sessions';

import { availabilityIntervals, freeStarts, SessionRules, whyUnbookable } from './slots';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** UTC dates whose exceptions can matter to [from, to]: local dates lie within a day of UTC ones. */
const datesAround = (range: Range) => ({
  from: isoDate(Math.floor(range.from.getTime() / DAY) - 2),
  to: isoDate(Math.floor(range.to.getTime() / DAY) + 2),
});

/** What a booking check needs of the therapist (a `TherapistProfileView` has it all). */
export type BookingRules = Pick<
  TherapistProfileView,
  'userId' | 'sessionMinutes' | 'minimumNoticeHours'
>;

export interface TherapistSlots {
  /** The zone the therapist's availability is kept in. */
  timezone: string;
  sessionMinutes: number;
  slots: Date[];
}

/**
 * Availability as the rest of the service uses it: free slots for matching and booking, the
 * bookability check sessions run inside their transaction, and concrete windows for buddy calls.
 * A few statements per call whatever the range or the number of people: rules, exceptions,
 * profiles, and one call per registered busy source. The expansion itself is `slots.ts`.
 */
@Injectable()
export class AvailabilityService {
  private readonly busySources: BusySource[] = [];
  private readonly timeOffSessions: TimeOffSessions[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AvailabilityRepository,
    private readonly people: PeopleService,
    private readonly clock: Clock,
    @Inject(availabilityConfig.KEY)
    private readonly config: ConfigType<typeof availabilityConfig>,
  ) {}

  registerBusySource(source: BusySource): void {
    this.busySources.push(source);
  }

  registerTimeOffSessions(source: TimeOffSessions): void {
    this.timeOffSessions.push(source);
  }

  /** The booked sessions of `therapistId` that time off over `range` would cover, soonest first. */
  async coveredSessions(
    therapistId: string,
    range: Range,
    em: EntityManager,
  ): Promise<CoveredSession[]> {
    const found: CoveredSession[] = [];
    for (const source of this.timeOffSessions) {
      found.push(...(await source.covered(therapistId, range, em)));
    }
    return found.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  }

  /** Cancels sessions `coveredSessions` found, in the caller's transaction. */
  async cancelCoveredSessions(
    actor: Actor,
    ids: string[],
    reason: string,
    em: EntityManager,
  ): Promise<void> {
    if (ids.length === 0) return;
    for (const source of this.timeOffSessions) await source.cancel(actor, ids, reason, em);
  }

  /** Free start times in [from, to) of each therapist among `userIds` (an empty list when none). */
  async freeSlots(
    userIds: string[],
    range: Range,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Date[]>> {
    if (userIds.length === 0 || range.to <= range.from) return new Map();
    return this.freeSlotsOf(await this.people.therapistProfiles(userIds, em), range, em);
  }

  /** `freeSlots` for therapists whose profiles the caller has read already. */
  async freeSlotsOf(
    profiles: TherapistProfileView[],
    range: Range,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Date[]>> {
    const computed = await this.compute(profiles, range, em);
    return new Map(profiles.map((p) => [p.userId, computed.get(p.userId)?.slots ?? []]));
  }

  /** One therapist's free slots with the zone and session length they were computed for. */
  async therapistSlots(
    profile: TherapistProfileView,
    range: Range,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TherapistSlots> {
    const computed = (await this.compute([profile], range, em)).get(profile.userId);
    return (
      computed ?? { timezone: profile.timezone, sessionMinutes: profile.sessionMinutes, slots: [] }
    );
  }

  /**
   * Throws unless a session with `therapist` may start at `startsAt`: 422 `outside-availability`,
   * `off-grid` or `too-short-notice`, or 409 `slot-taken` when it collides with one of `busy` (the
   * caller's busy intervals around the session, buffer included, without the one being moved).
   * The caller has the therapist's rules already loaded and passes them, so nothing is read here
   * but the availability itself. Vetting is not checked here (PeopleService is the rule), and the
   * database still guards against two bookings racing for one slot.
   */
  async checkBookable(
    therapist: BookingRules,
    startsAt: Date,
    busy: BusyInterval[],
    em: EntityManager,
  ): Promise<void> {
    const range = {
      from: startsAt,
      to: new Date(startsAt.getTime() + therapist.sessionMinutes * MINUTE),
    };
    const stored = (await this.repository.load([therapist.userId], datesAround(range), em)).get(
      therapist.userId,
    );
    if (!stored) throw this.notBookable('outside-availability', therapist);
    const reason = whyUnbookable(
      toAvailability(stored),
      this.rulesOf(therapist),
      startsAt,
      this.clock.now(),
      busy.map((b) => ({ start: b.startsAt, end: b.endsAt })),
    );
    if (reason === 'busy') throw new SlotTakenError();
    if (reason) throw this.notBookable(reason, therapist);
  }

  /** Concrete availability of each of `userIds` in UTC, windows that touch joined, clipped to range. */
  async windows(
    userIds: string[],
    range: Range,
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Interval[]>> {
    const stored = await this.repository.load(userIds, datesAround(range), em);
    return new Map(
      userIds.map((id) => {
        const own = stored.get(id);
        return [id, own ? availabilityIntervals(toAvailability(own), range) : []];
      }),
    );
  }

  private async compute(profiles: TherapistProfileView[], range: Range, em: EntityManager) {
    const result = new Map<string, TherapistSlots>();
    if (profiles.length === 0 || range.to <= range.from) return result;
    const stored = await this.repository.load(
      profiles.map((p) => p.userId),
      datesAround(range),
      em,
    );
    const bookable = profiles.filter((p) => stored.has(p.userId));
    const longest = Math.max(0, ...bookable.map((p) => p.sessionMinutes));
    const busy = await this.busyOf(
      bookable.map((p) => p.userId),
      { from: range.from, to: new Date(range.to.getTime() + longest * MINUTE) },
      em,
    );
    const now = this.clock.now();
    for (const profile of bookable) {
      const own = stored.get(profile.userId) as StoredAvailability;
      result.set(profile.userId, {
        timezone: own.timezone,
        sessionMinutes: profile.sessionMinutes,
        slots: freeStarts(
          toAvailability(own),
          this.rulesOf(profile),
          range,
          now,
          busy.get(profile.userId) ?? [],
        ),
      });
    }
    return result;
  }

  private async busyOf(
    userIds: string[],
    range: Range,
    em: EntityManager,
  ): Promise<Map<string, Array<Interval & { id: string }>>> {
    const byUser = new Map<string, Array<Interval & { id: string }>>();
    if (userIds.length === 0) return byUser;
    const found: BusyInterval[] = [];
    // One after the other: the sources share the caller's connection (and transaction).
    for (const source of this.busySources) found.push(...(await source.busy(userIds, range, em)));
    for (const b of found) {
      const list = byUser.get(b.userId) ?? [];
      list.push({ start: b.startsAt, end: b.endsAt, id: b.id });
      byUser.set(b.userId, list);
    }
    return byUser;
  }

  private rulesOf(profile: BookingRules): SessionRules {
    return {
      sessionMinutes: profile.sessionMinutes,
      minimumNoticeHours: profile.minimumNoticeHours,
      gridMinutes: this.config.slotGridMinutes,
    };
  }

  private notBookable(
    code: 'outside-availability' | 'off-grid' | 'too-short-notice',
    profile: BookingRules,
  ): NotBookableError {
    switch (code) {
      case 'outside-availability':
        return new NotBookableError(
          code,
          'The therapist is not available for the whole session at that time.',
        );
      case 'off-grid':
        return new NotBookableError(
          code,
          `Sessions start every ${this.config.slotGridMinutes} minutes on the therapist's clock.`,
          { gridMinutes: this.config.slotGridMinutes },
        );
      case 'too-short-notice':
        return new NotBookableError(
          code,
          `This therapist needs at least ${profile.minimumNoticeHours} hours' notice.`,
          { minimumNoticeHours: profile.minimumNoticeHours },
        );
    }
  }
}
