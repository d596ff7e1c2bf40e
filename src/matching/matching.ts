/**
 * Matching: pure ranking of therapists (for a session request) and buddies (for a buddy request).
 * No database, no Nest: the callers (sessions, check-ins) load and filter the candidates, then call
 * `rankTherapists` or `rankBuddies`. Both score the same way: each factor scores 0 (worst) to 1
 * (best), the rank score is the weighted sum (weights add up to 1, rounded to 4 decimals), and every
 * factor comes back as a `MatchReason` saying its weight, its score and why.
 *
 * Therapists (`THERAPIST_WEIGHTS`), after dropping those without a free slot or a shared language,
 * and, when anyone left speaks the volunteer's first language, everyone who does not (a hard filter:
 * a weight let a much earlier slot outrank it, 98 % fit in the simulation):
 * - earliest (0.40): 1 - (first free slot - window start) / window length; sooner is better.
 * - fairness (0.40): (1 + the least load among the candidates) / (1 + this therapist's load), the
 *   load being pro bono sessions in the current month and the FAIRNESS_MONTHS - 1 before it. Over
 *   one month with 1 / (1 + load) at 0.20 the earliest slot won nearly always and the load ran to
 *   max/min 3.33 over six months; relative to the least loaded and over six months it is 1.67,
 *   the rest being who alone speaks a language (`npm run simulate`).
 * - language (0.10): shared requested languages, each weighted 1/(rank+1) by the volunteer's order
 *   of preference, over the total of those weights (the first language is already a filter).
 * - timezone (0.10): 1 - |UTC offset difference at the first slot| / 12 h (floored at 0).
 * Ties go to the earlier first slot, then to the therapist id.
 *
 * Buddies (`BUDDY_WEIGHTS`), after dropping those who are full, share no language, or have no
 * shared stretch of at least MIN_CALL_MINUTES:
 * - kind (0.40): 1 when the buddy is of the kind the volunteer asked for (or they asked for none).
 * - fairness (0.30): the share of the buddy's places still free, so a buddy with room for many is
 *   not filled before one with room for few is used (this found one more buddy in the simulation).
 * - overlap (0.20): the share of the volunteer's call windows the buddy is also free for.
 * - language (0.10): as for therapists.
 * Ties go to the most overlap, then to the most shared languages, then to the buddy id.
 */
import { DateTime } from 'luxon';
import { offsetAt, zoneNamed } from '../common/time/wall-clock';
import { dayAndTime, duration, languageList } from '../common/words';
import type { BuddyKind } from '../people/people.types';

/**
 * One factor of a rank: its weight, its score (0..1) and a sentence saying why, written for the
 * volunteer who reads it ("2 hours behind you"): plain words, language names, no codes or zones.
 */
export interface MatchReason<F extends string = TherapistFactor | BuddyFactor> {
  factor: F;
  weight: number;
  score: number;
  detail: string;
}

export type TherapistFactor = 'earliest' | 'language' | 'fairness' | 'timezone';
export type BuddyFactor = 'kind' | 'fairness' | 'overlap' | 'language';

export const THERAPIST_WEIGHTS: Readonly<Record<TherapistFactor, number>> = {
  earliest: 0.4,
  language: 0.1,
  fairness: 0.4,
  timezone: 0.1,
};

export const BUDDY_WEIGHTS: Readonly<Record<BuddyFactor, number>> = {
  kind: 0.4,
  fairness: 0.3,
  overlap: 0.2,
  language: 0.1,
};

/** Months (the current one and those before it) whose sessions count towards a therapist's load. */
export const FAIRNESS_MONTHS = 6;

/** Shortest shared stretch that can hold a buddy call. */
export const MIN_CALL_MINUTES = 30;

/** A therapist who passed every hard filter, with the slots still open to this request. */
export interface MatchCandidate {
  therapistId: string;
  timezone: string;
  languages: string[];
  /** Free start times inside the request window whose month still has capacity, ascending. */
  slots: Date[];
  /**
   * Pro bono sessions (not cancelled) of the therapist in the current month and the
   * FAIRNESS_MONTHS - 1 months before it.
   */
  recentSessions: number;
}

export interface MatchContext {
  /** Requested languages, most preferred first. */
  languages: string[];
  volunteerTimezone: string;
  window: { from: Date; to: Date };
  /** How many upcoming slots to return per therapist (default 5). */
  nextSlots?: number;
}

export interface RankedTherapist {
  therapistId: string;
  score: number;
  sharedLanguages: string[];
  reasons: MatchReason<TherapistFactor>[];
  nextSlots: Date[];
}

/** What the volunteer asked for. */
export interface BuddyNeed {
  /** Most preferred first. */
  languages: string[];
  preferredKind: BuddyKind | null;
  /** Total minutes of the volunteer's call windows over the searched range. */
  windowMinutes: number;
}

export interface BuddyCandidate {
  userId: string;
  kind: BuddyKind;
  languages: string[];
  timezone: string;
  maxActivePairings: number;
  activePairings: number;
  /** Stretches (UTC, ascending) when both the volunteer and the buddy are free. */
  overlaps: { start: Date; end: Date }[];
}

export interface RankedBuddy {
  candidate: BuddyCandidate;
  score: number;
  sharedLanguages: string[];
  preferredKind: boolean;
  /** The overlaps long enough to hold a call. */
  overlaps: { start: Date; end: Date }[];
  overlapMinutes: number;
  reasons: MatchReason<BuddyFactor>[];
}

type Scored = { score: number; detail: string };

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;

/** The reasons in the order of the weights, and their weighted sum. */
function weigh<F extends string>(weights: Readonly<Record<F, number>>, factors: Record<F, Scored>) {
  const reasons = (Object.keys(weights) as F[]).map((factor) => ({
    factor,
    weight: weights[factor],
    score: round(factors[factor].score),
    detail: factors[factor].detail,
  }));
  const score = round(reasons.reduce((sum, r) => sum + r.weight * factors[r.factor].score, 0));
  return { score, reasons };
}

export function rankTherapists(candidates: MatchCandidate[], ctx: MatchContext): RankedTherapist[] {
  const ranked: RankedTherapist[] = [];
  let open = candidates.filter(
    (c) => c.slots.length > 0 && ctx.languages.some((l) => c.languages.includes(l)),
  );
  // The first language is a hard filter whenever anyone who can be booked speaks it.
  const firstChoice = open.filter((c) => c.languages.includes(ctx.languages[0]));
  if (firstChoice.length > 0) open = firstChoice;
  const least = Math.min(...open.map((c) => Math.max(0, c.recentSessions)));
  for (const c of open) {
    const shared = ctx.languages.filter((l) => c.languages.includes(l));
    const first = c.slots[0];
    const { score, reasons } = weigh(THERAPIST_WEIGHTS, {
      earliest: earliest(first, ctx),
      language: language(shared, ctx.languages),
      fairness: {
        score: (1 + least) / (1 + Math.max(0, c.recentSessions)),
        detail: fairnessWords(c.recentSessions, least),
      },
      timezone: timezone(first, c.timezone, ctx.volunteerTimezone),
    });
    ranked.push({
      therapistId: c.therapistId,
      score,
      sharedLanguages: shared,
      reasons,
      nextSlots: c.slots.slice(0, ctx.nextSlots ?? 5),
    });
  }
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.nextSlots[0].getTime() - b.nextSlots[0].getTime() ||
      a.therapistId.localeCompare(b.therapistId),
  );
}

export function rankBuddies(need: BuddyNeed, candidates: BuddyCandidate[]): RankedBuddy[] {
  const ranked: RankedBuddy[] = [];
  for (const candidate of candidates) {
    if (candidate.activePairings >= candidate.maxActivePairings) continue;
    const sharedLanguages = need.languages.filter((l) => candidate.languages.includes(l));
    if (sharedLanguages.length === 0) continue;
    const overlaps = candidate.overlaps.filter(
      (i) => i.end.getTime() - i.start.getTime() >= MIN_CALL_MINUTES * 60_000,
    );
    if (overlaps.length === 0) continue;
    const overlapMinutes = Math.round(
      overlaps.reduce((sum, i) => sum + (i.end.getTime() - i.start.getTime()) / 60_000, 0),
    );
    const preferredKind = need.preferredKind === candidate.kind;
    const { score, reasons } = weigh(BUDDY_WEIGHTS, {
      kind: kind(candidate.kind, need.preferredKind),
      fairness: {
        score: 1 - candidate.activePairings / candidate.maxActivePairings,
        detail: placesWords(candidate.activePairings, candidate.maxActivePairings),
      },
      overlap: {
        score: need.windowMinutes > 0 ? clamp01(overlapMinutes / need.windowMinutes) : 0,
        detail: `Free for ${duration(overlapMinutes)} of the times you gave`,
      },
      language: language(sharedLanguages, need.languages),
    });
    ranked.push({
      candidate,
      score,
      sharedLanguages,
      preferredKind,
      overlaps,
      overlapMinutes,
      reasons,
    });
  }
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      b.overlapMinutes - a.overlapMinutes ||
      b.sharedLanguages.length - a.sharedLanguages.length ||
      a.candidate.userId.localeCompare(b.candidate.userId),
  );
}

function earliest(first: Date, ctx: MatchContext): Scored {
  const span = ctx.window.to.getTime() - ctx.window.from.getTime();
  const score = span > 0 ? clamp01(1 - (first.getTime() - ctx.window.from.getTime()) / span) : 1;
  const local = DateTime.fromJSDate(first, { zone: ctx.volunteerTimezone });
  return {
    score,
    detail: `First free time: ${dayAndTime(local, ctx.window.from)}, your time`,
  };
}

function language(shared: string[], requested: string[]): Scored {
  const weight = (l: string) => 1 / (requested.indexOf(l) + 1);
  const total = requested.reduce((sum, l) => sum + weight(l), 0);
  const score = shared.reduce((sum, l) => sum + weight(l), 0) / total;
  const all = shared.length === requested.length;
  return {
    score,
    detail: all
      ? `Speaks ${languageList(shared)}, as you asked`
      : `Speaks ${languageList(shared)}: ${shared.length} of the ${requested.length} languages you asked for`,
  };
}

function timezone(at: Date, therapistZone: string, volunteerZone: string): Scored {
  const offset = (zone: string) => offsetAt(zoneNamed(zone), at.getTime());
  const minutes = offset(therapistZone) - offset(volunteerZone);
  const hours = Math.abs(minutes) / 60;
  return {
    score: clamp01(1 - hours / 12),
    detail:
      minutes === 0
        ? 'Their clock shows the same time as yours'
        : `Their clock is ${duration(Math.abs(minutes))} ${minutes < 0 ? 'behind' : 'ahead of'} yours`,
  };
}

/** Who a buddy of each kind is, as the volunteer reads it. */
const KIND_WORDS: Record<BuddyKind, string> = {
  therapist: 'a qualified practitioner',
  humanitarian: 'a humanitarian worker who has been in the field',
};

function kind(buddyKind: BuddyKind, preferred: BuddyKind | null): Scored {
  const who = `Is ${KIND_WORDS[buddyKind]}`;
  if (preferred === null) return { score: 1, detail: who };
  return preferred === buddyKind
    ? { score: 1, detail: `${who}, as you asked` }
    : { score: 0, detail: `${who} (you asked for ${KIND_WORDS[preferred]})` };
}

function fairnessWords(recent: number, least: number): string {
  const given = `${recent} free session${recent === 1 ? '' : 's'} in the last ${FAIRNESS_MONTHS} months`;
  return recent <= least
    ? `Has given ${given}, the fewest of those who fit, so it is their turn`
    : `Has given ${given}; some who fit have given fewer`;
}

function placesWords(taken: number, max: number): string {
  const free = max - taken;
  return `Has room for ${free} more ${free === 1 ? 'person' : 'people'} (${taken} of ${max} places taken)`;
}
