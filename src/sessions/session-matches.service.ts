import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AvailabilityService } from '../availability/availability.service';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { PeopleService } from '../people/people.service';
import type { TherapistProfileView } from '../people/people.types';
import { TherapistPhotosService } from '../people/therapist-photos.service';
import { MatchListView } from './match.view';
import { FAIRNESS_MONTHS, MatchCandidate, rankTherapists } from '../matching/matching';
import { SessionRequestsService } from './session-requests.service';
import { SessionRequest } from './session-request.entity';
import { addMonths, localMonth, monthStarts } from '../common/time/wall-clock';
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

/** Slots shown per therapist; the ranking reads only the first. */
const NEXT_SLOTS = 5;
const WEEK_MS = 7 * 86_400_000;

/**
 * The first NEXT_SLOTS of a therapist's free starts (ascending, as `freeSlots` gives them) inside
 * the window whose local month still has capacity. Each slot is placed in its month by comparing
 * epoch ms with the month starts computed once per therapist, not by a zone conversion per slot
 * (that conversion was most of the matches CPU over 250 therapists), and the scan stops at the
 * last slot the page shows.
 */
function firstWithCapacity(
  free: Date[],
  window: { from: Date; to: Date },
  t: TherapistProfileView,
  used: (month: string) => number,
  monthsOf: (zone: string) => Array<{ month: string; start: number }>,
): Date[] {
  const out: Date[] = [];
  if (free.length === 0) return out;
  const months = monthsOf(t.timezone);
  let m = 0;
  for (const slot of free) {
    const at = slot.getTime();
    if (slot > window.to || out.length === NEXT_SLOTS) break;
    while (m + 1 < months.length && months[m + 1].start <= at) m++;
    if (used(months[m].month) < t.monthlyCapacity) out.push(slot);
  }
  return out;
}

/**
 * Therapists for a session request. A handful of queries whatever the number of therapists: the
 * matchable ids, their profiles, one count of sessions per therapist and month, and a bulk
 * free-slot search of the first week (and, for those with fewer than NEXT_SLOTS there, one of the
 * rest of the window); then the pure ranking (matching/matching.ts).
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
    private readonly photos: TherapistPhotosService,
  ) {}

  async matches(actor: Actor, requestId: string, tz?: string): Promise<MatchListView> {
    const em = this.dataSource.manager;
    const request = await this.requests.get(actor, requestId, em);
    this.requests.requireOpen(request);
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
    // Each therapist's load: the current month and the FAIRNESS_MONTHS - 1 before it.
    const recentMonths = (zone: string) =>
      Array.from({ length: FAIRNESS_MONTHS }, (_, k) => addMonths(localMonth(now, zone), -k));
    const currentMonths = zones.flatMap(recentMonths);
    const counts = await this.repo.monthlyCounts(
      ids,
      [...new Set([...monthsTouched(window.from, window.to, zones), ...currentMonths])],
      em,
    );
    const byZone = new Map<string, Array<{ month: string; start: number }>>();
    const monthsOf = (z: string) => {
      if (!byZone.has(z)) byZone.set(z, monthStarts(z, window.from, window.to));
      return byZone.get(z)!;
    };
    const usedBy = (t: TherapistProfileView) => (month: string) =>
      counts.get(t.userId)?.get(month) ?? 0;
    const shown = (t: TherapistProfileView) =>
      firstWithCapacity(slots.get(t.userId) ?? [], window, t, usedBy(t), monthsOf);
    // The first week first: most therapists show their NEXT_SLOTS in it, so the page searches a
    // quarter of the window; the rest of it only for those who do not.
    const weekOut = new Date(Math.min(window.to.getTime(), window.from.getTime() + WEEK_MS));
    const slots = await this.availability.freeSlotsOf(
      therapists,
      { from: window.from, to: weekOut },
      em,
    );
    const short = therapists.filter((t) => shown(t).length < NEXT_SLOTS);
    if (short.length > 0 && weekOut < window.to) {
      const rest = await this.availability.freeSlotsOf(short, { from: weekOut, to: window.to }, em);
      for (const t of short) {
        slots.set(t.userId, [...(slots.get(t.userId) ?? []), ...(rest.get(t.userId) ?? [])]);
      }
    }

    const candidates: MatchCandidate[] = therapists.map((t) => ({
      therapistId: t.userId,
      timezone: t.timezone,
      languages: t.languages,
      slots: shown(t),
      recentSessions: recentMonths(t.timezone).reduce((sum, m) => sum + usedBy(t)(m), 0),
    }));
    const ranked = rankTherapists(candidates, {
      languages: request.languages,
      volunteerTimezone: zone,
      window,
      nextSlots: NEXT_SLOTS,
    });

    const byId = new Map(therapists.map((t) => [t.userId, t]));
    const withPhotos = await this.photos.withPhotos(
      ranked.map((r) => r.therapistId),
      em,
    );
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
        // Shown only to a volunteer who asked for a gender: it is why this therapist is here.
        gender: request.therapistGender ? t.gender : null,
        hasPhoto: withPhotos.has(t.userId),
        town: t.town,
        reasons: r.reasons,
        nextSlots: r.nextSlots.map((s) => zonedTime(s, zone)),
      };
    });
    return { requestId, items };
  }
}

/** The hard filters: modality offered, a shared language, and the gender asked for (if any). */
export function suits(t: TherapistProfileView, request: SessionRequest): boolean {
  if (!t.modalities.includes(request.modality)) return false;
  if (!request.languages.some((l) => t.languages.includes(l))) return false;
  if (request.therapistGender) {
    return t.gender?.trim().toLowerCase() === request.therapistGender.toLowerCase();
  }
  return true;
}
