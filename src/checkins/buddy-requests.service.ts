import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { intersect, Interval, minutesOf } from '../common/time/interval';
import { expandWeekly, weeklyWindowFromText } from '../common/time/weekly-window';
import { zonedTime } from '../common/time/zoned-time.view';
import { requireAccess } from '../common/access';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { decodeCursor, PageQuery, toPage } from '../common/pagination';
import { isUniqueViolation } from '../common/pg-errors';
import { OpenRequestExistsError, RequestClosedError } from '../common/request-errors';
import { ConsentService } from '../consent/consent.service';
import { ConsentPurpose } from '../consent/consent-purpose';
import { PeopleService } from '../people/people.service';
import { AvailabilityService } from '../availability/availability.service';
import { BuddyRequest } from './buddy-request.entity';
import { BuddyCandidate, rankBuddies, RankedBuddy } from '../matching/matching';
import { LanguagesRequiredError, PhaseRequiredError } from './checkins.errors';
import { CreateBuddyRequestDto } from './dto/create-buddy-request.dto';
import {
  BuddyMatchesView,
  BuddyMatchView,
  BuddyRequestListView,
  BuddyRequestView,
  toRequestView,
} from './checkins.view';
import { OpenBuddyRequestsRepository } from './open-buddy-requests.repository';
import { PairingsRepository } from './pairings.repository';

const MATCH_DAYS = 14;
const OVERLAPS_SHOWN = 3;

/** Volunteers asking for a buddy, and the buddies who fit. */
@Injectable()
export class BuddyRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleService,
    private readonly availability: AvailabilityService,
    private readonly consent: ConsentService,
    private readonly pairings: PairingsRepository,
    private readonly openRequests: OpenBuddyRequestsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** 409 `open-request-exists`, naming it, while the volunteer has an open buddy request. */
  async create(actor: Actor, dto: CreateBuddyRequestDto): Promise<BuddyRequestView> {
    try {
      return await this.insert(actor, dto);
    } catch (error) {
      if (!isUniqueViolation(error, 'buddy_request_one_open')) throw error;
      const open = await this.openRequests.openOf(actor.id);
      throw new OpenRequestExistsError('buddy', open?.id ?? '');
    }
  }

  private insert(actor: Actor, dto: CreateBuddyRequestDto): Promise<BuddyRequestView> {
    return this.dataSource.transaction(async (em) => {
      const open = await this.openRequests.openOf(actor.id, em);
      if (open) throw new OpenRequestExistsError('buddy', open.id);
      await this.consent.requireConsent(actor.id, ConsentPurpose.DataProcessing, em);
      await this.consent.requireConsent(actor.id, ConsentPurpose.ShareWithBuddy, em);
      const volunteer = await this.people.volunteerProfile(actor.id, em);
      const phase = dto.phase ?? (volunteer.phase === 'preparing' ? null : volunteer.phase);
      if (!phase) throw new PhaseRequiredError();
      const languages = dto.languages ?? volunteer.languages;
      if (languages.length === 0) throw new LanguagesRequiredError();
      const request = await em.save(
        em.create(BuddyRequest, {
          volunteerId: actor.id,
          phase,
          languages,
          preferredKind: dto.preferredKind ?? null,
          channel: dto.channel,
          skypeHandle: dto.channel === 'skype' ? (dto.skypeHandle ?? null) : null,
          timezone: dto.timezone ?? volunteer.timezone,
          callWindows: dto.callWindows.map(weeklyWindowFromText),
        }),
      );
      await this.audit.record(
        {
          actor,
          action: 'buddy_request.created',
          target: { type: 'buddy_request', id: request.id },
          details: { phase, channel: request.channel },
        },
        em,
      );
      return toRequestView(request);
    });
  }

  /**
   * The caller's open request (at most one: `buddy_request_one_open`), as a page like every list:
   * a garbage cursor is 400, and no page follows the first.
   */
  async openOf(actor: Actor, query: PageQuery): Promise<BuddyRequestListView> {
    const after = decodeCursor(query.cursor);
    const open = after ? null : await this.openRequests.openOf(actor.id);
    const rows = open ? [open] : [];
    return toPage(rows, query.limit, (r) => ({ at: r.createdAt, id: r.id }), toRequestView);
  }

  /** How many open requests were made before `cutoff`: waiting for a buddy. */
  countWaitingSince(cutoff: Date): Promise<number> {
    return this.openRequests.countOlderThan(cutoff);
  }

  /**
   * Open requests made before `cutoff`, oldest first, at most `limit`: for the coordinator, whose
   * caller audits each one it shows.
   */
  async waitingSince(cutoff: Date, limit: number): Promise<BuddyRequestView[]> {
    return (await this.openRequests.listOlderThan(cutoff, limit)).map(toRequestView);
  }

  /** The volunteer (or a coordinator) takes back an open request; 409 when it is not open. */
  withdraw(actor: Actor, id: string): Promise<BuddyRequestView> {
    return this.dataSource.transaction(async (em) => {
      const request = requireAccess(
        actor,
        await em.findOneBy(BuddyRequest, { id }),
        (r) => [r.volunteerId],
        { coordinator: true, what: 'buddy request' },
      );
      const now = this.clock.now();
      if (!(await this.openRequests.withdraw(id, now, em))) throw new RequestClosedError('buddy');
      await this.audit.record(
        { actor, action: 'buddy_request.withdrawn', target: { type: 'buddy_request', id } },
        em,
      );
      return toRequestView({ ...request, status: 'withdrawn', closedAt: now });
    });
  }

  /**
   * Matchable buddies with a free place, a shared language and call windows that overlap the
   * volunteer's over the next two weeks (each expanded in its own zone), ranked with reasons.
   * A fixed handful of bulk queries whatever the number of buddies.
   */
  async matches(actor: Actor, requestId: string): Promise<BuddyMatchesView> {
    const request = requireAccess(
      actor,
      await this.dataSource.getRepository(BuddyRequest).findOneBy({ id: requestId }),
      (r) => [r.volunteerId],
      { coordinator: true, what: 'buddy request' },
    );
    if (request.status === 'withdrawn' || request.status === 'lapsed') {
      throw new RequestClosedError('buddy');
    }
    await this.consent.requireConsent(request.volunteerId, ConsentPurpose.DataProcessing);
    await this.consent.requireConsent(request.volunteerId, ConsentPurpose.ShareWithBuddy);
    if (actor.role === Role.Coordinator) {
      await this.audit.recordRead(actor, 'buddy_request.matches_read', [request.id]);
    }
    const from = this.clock.now();
    const range = { from, to: new Date(from.getTime() + MATCH_DAYS * 86_400_000) };
    const em = this.dataSource.manager;
    const ids = await this.people.matchableIds('buddy', undefined, em);
    const profiles = await this.people.buddyProfiles(ids, em);
    const loads = await this.pairings.activePairingCounts(ids, em);
    const windows = await this.availability.windows(ids, range, em);
    const names = new Map(profiles.map((p) => [p.userId, p.name]));
    const wanted = expandWeekly(request.callWindows, request.timezone, range);
    const candidates: BuddyCandidate[] = profiles.map((p) => ({
      userId: p.userId,
      kind: p.kind,
      languages: p.languages,
      timezone: p.timezone,
      maxActivePairings: p.maxActivePairings,
      activePairings: loads.get(p.userId) ?? 0,
      overlaps: intersect(wanted, windows.get(p.userId) ?? []),
    }));
    const ranked = rankBuddies(
      {
        languages: request.languages,
        preferredKind: request.preferredKind,
        windowMinutes: minutesOf(wanted),
      },
      candidates,
    );
    return {
      requestId: request.id,
      from: range.from,
      to: range.to,
      items: ranked.map((r) => toMatchView(r, request.timezone, names.get(r.candidate.userId))),
    };
  }
}

const toMatchView = (r: RankedBuddy, volunteerZone: string, name = ''): BuddyMatchView => ({
  score: r.score,
  buddyId: r.candidate.userId,
  name,
  kind: r.candidate.kind,
  languages: r.candidate.languages,
  sharedLanguages: r.sharedLanguages,
  timezone: r.candidate.timezone,
  preferredKind: r.preferredKind,
  activePairings: r.candidate.activePairings,
  maxActivePairings: r.candidate.maxActivePairings,
  overlapMinutes: r.overlapMinutes,
  reasons: r.reasons,
  firstOverlaps: r.overlaps
    .slice(0, OVERLAPS_SHOWN)
    .map((o) => overlapView(o, volunteerZone, r.candidate.timezone)),
});

const overlapView = (o: Interval, volunteerZone: string, buddyZone: string) => ({
  start: o.start.toISOString(),
  end: o.end.toISOString(),
  volunteerStart: zonedTime(o.start, volunteerZone).local,
  volunteerEnd: zonedTime(o.end, volunteerZone).local,
  buddyStart: zonedTime(o.start, buddyZone).local,
  buddyEnd: zonedTime(o.end, buddyZone).local,
});
