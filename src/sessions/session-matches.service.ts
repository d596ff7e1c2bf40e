import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AvailabilityService } from '../availability/availability.service';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { PeopleService } from '../people/people.service';
import type { TherapistProfileView } from '../people/people.types';
import { MatchListView } from './match.view';
import { MatchCandidate, rankTherapists } from '../matching/matching';
import { SessionRequestsService } from './session-requests.service';
import { SessionRequest } from './session-request.entity';
import { addMonths, localMonth } from '../common/time/wall-clock';
import { zonedTime } from '../common/time/zoned-time.view';
import { SessionsRepository } from './sessions.repository';

/** Every calendar month (`YYYY-MM-01`) that [from, to] touches in any of the zones. */
function monthsTouched(from: Date, to: Date, zones: string[]): string[] {
  const months = new Set<string>();
  for (const zone of zones) {
    const last = localMonth(to, zone);
    for (let m = localMonth(from, zone); m <= last; m = addMonths(m, 1)) months.add(m);
  }
  return [...months];
}

/**
 * Therapists for a session request. A handful of queries whatever the number of therapists: the
 * matchable ids, their profiles, one count of sessions per therapist and month, and one bulk
 * free-slot search; then the pure ranking (matching/matching.ts).
 */
@Injectable()
export class SessionMatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: SessionRequestsService,
    private readonly repo: SessionsRepository,
    private readonly people: PeopleService,
    private readonly availability: AvailabilityService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async matches(actor: Actor, requestId: string, tz?: string): Promise<MatchListView> {
    const em = this.dataSource.manager;
    const request = await this.requests.get(actor, requestId, em);
    await this.requests.requireSessionConsent(request.volunteerId, em);
    if (actor.role === Role.Coordinator) {
      await this.audit.recordRead(actor, 'session_request.matches_read', [request.id], em);
    }
    const volunteer = await this.people.volunteerProfile(request.volunteerId, em);
    const zone = tz ?? volunteer.timezone;
    const now = this.clock.now();
    const window = {
      from: new Date(Math.max(now.getTime(), request.notBefore.getTime())),
      to: request.notAfter,
    };
    if (window.from >= window.to) return { requestId, items: [] };

    const therapists = (
      await this.people.therapistProfiles(
        await this.people.matchableIds('therapist', undefined, em),
        em,
      )
    ).filter((t) => suits(t, request));
    if (therapists.length === 0) return { requestId, items: [] };

    const ids = therapists.map((t) => t.userId);
    const zones = [...new Set(therapists.map((t) => t.timezone))];
    const currentMonths = therapists.map((t) => localMonth(now, t.timezone));
    const counts = await this.repo.monthlyCounts(em, ids, [
      ...new Set([...monthsTouched(window.from, window.to, zones), ...currentMonths]),
    ]);
    const slots = await this.availability.freeSlots(ids, window, em);

    const candidates: MatchCandidate[] = therapists.map((t) => {
      const used = (month: string) => counts.get(t.userId)?.get(month) ?? 0;
      return {
        therapistId: t.userId,
        timezone: t.timezone,
        languages: t.languages,
        slots: (slots.get(t.userId) ?? [])
          .filter((s) => s <= window.to && used(localMonth(s, t.timezone)) < t.monthlyCapacity)
          .sort((a, b) => a.getTime() - b.getTime()),
        sessionsThisMonth: used(localMonth(now, t.timezone)),
      };
    });
    const ranked = rankTherapists(candidates, {
      languages: request.languages,
      volunteerTimezone: zone,
      window,
    });

    const byId = new Map(therapists.map((t) => [t.userId, t]));
    const items = ranked.map((r) => {
      const t = byId.get(r.therapistId)!;
      return {
        therapistId: t.userId,
        name: t.name,
        bio: t.bio,
        score: r.score,
        membershipBody: t.membershipBody,
        timezone: t.timezone,
        sessionMinutes: t.sessionMinutes,
        modalities: t.modalities,
        sharedLanguages: r.sharedLanguages,
        gender: t.gender,
        town: t.town,
        reasons: r.reasons,
        nextSlots: r.nextSlots.map((s) => zonedTime(s, zone)),
      };
    });
    return { requestId, items };
  }
}

/** The hard filters: modality offered, a shared language, and the gender asked for (if any). */
function suits(t: TherapistProfileView, request: SessionRequest): boolean {
  if (!t.modalities.includes(request.modality)) return false;
  if (!request.languages.some((l) => t.languages.includes(l))) return false;
  if (request.therapistGender) {
    return t.gender?.trim().toLowerCase() === request.therapistGender.toLowerCase();
  }
  return true;
}
