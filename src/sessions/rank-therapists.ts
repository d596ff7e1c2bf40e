import { DateTime } from 'luxon';

/** A therapist who passed every hard filter, with the slots still open to this request. */
export interface MatchCandidate {
  therapistId: string;
  timezone: string;
  languages: string[];
  /** Free start times inside the request window whose month still has capacity, ascending. */
  slots: Date[];
  /** Pro bono sessions (not cancelled) the therapist has in the current month. */
  sessionsThisMonth: number;
}

export interface MatchContext {
  /** Requested languages, most preferred first. */
  languages: string[];
  volunteerTimezone: string;
  window: { from: Date; to: Date };
  /** How many upcoming slots to return per therapist (default 5). */
  nextSlots?: number;
}

export type RankFactor = 'earliest' | 'language' | 'fairness' | 'timezone';

export interface RankReason {
  factor: RankFactor;
  weight: number;
  /** This factor's score, 0 (worst) to 1 (best). */
  score: number;
  detail: string;
}

export interface RankedTherapist {
  therapistId: string;
  /** Weighted sum of the factor scores, 0 to 1, rounded to 4 decimals. */
  score: number;
  sharedLanguages: string[];
  reasons: RankReason[];
  nextSlots: Date[];
}

/**
 * The documented score. Each factor scores 0..1 and is weighted:
 * - earliest (0.40): 1 - (first free slot - window start) / window length; sooner is better.
 * - language (0.25): shared requested languages, each weighted 1/(rank+1) by the volunteer's
 *   order of preference, over the total of those weights; sharing the first choice counts most.
 * - fairness (0.20): 1 / (1 + pro bono sessions this month); spreads the load across therapists.
 * - timezone (0.15): 1 - |UTC offset difference at the first slot| / 12 h (floored at 0).
 * Ties go to the earlier first slot, then to the therapist id, so the order is stable.
 */
export const RANK_WEIGHTS: Readonly<Record<RankFactor, number>> = {
  earliest: 0.4,
  language: 0.25,
  fairness: 0.2,
  timezone: 0.15,
};

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const round = (x: number, places = 4) => Math.round(x * 10 ** places) / 10 ** places;

export function rankTherapists(candidates: MatchCandidate[], ctx: MatchContext): RankedTherapist[] {
  const ranked = candidates
    .filter((c) => c.slots.length > 0)
    .map((c) => scoreCandidate(c, ctx))
    .filter((r): r is RankedTherapist => r !== null);
  return ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.nextSlots[0].getTime() - b.nextSlots[0].getTime() ||
      a.therapistId.localeCompare(b.therapistId),
  );
}

function scoreCandidate(c: MatchCandidate, ctx: MatchContext): RankedTherapist | null {
  const shared = ctx.languages.filter((l) => c.languages.includes(l));
  if (shared.length === 0) return null;
  const first = c.slots[0];
  const factors: Record<RankFactor, { score: number; detail: string }> = {
    earliest: earliest(first, ctx),
    language: language(shared, ctx.languages),
    fairness: fairness(c.sessionsThisMonth),
    timezone: timezone(first, c.timezone, ctx.volunteerTimezone),
  };
  const reasons = (Object.keys(RANK_WEIGHTS) as RankFactor[]).map((factor) => ({
    factor,
    weight: RANK_WEIGHTS[factor],
    score: round(factors[factor].score),
    detail: factors[factor].detail,
  }));
  return {
    therapistId: c.therapistId,
    score: round(reasons.reduce((sum, r) => sum + r.weight * factors[r.factor].score, 0)),
    sharedLanguages: shared,
    reasons,
    nextSlots: c.slots.slice(0, ctx.nextSlots ?? 5),
  };
}

function earliest(first: Date, ctx: MatchContext) {
  const span = ctx.window.to.getTime() - ctx.window.from.getTime();
  const score = span > 0 ? clamp01(1 - (first.getTime() - ctx.window.from.getTime()) / span) : 1;
  const local = DateTime.fromJSDate(first, { zone: ctx.volunteerTimezone });
  return {
    score,
    detail: `First free slot ${first.toISOString()} (${local.toFormat('ccc d LLL HH:mm')} ${ctx.volunteerTimezone})`,
  };
}

function language(shared: string[], requested: string[]) {
  const weight = (l: string) => 1 / (requested.indexOf(l) + 1);
  const total = requested.reduce((sum, l) => sum + weight(l), 0);
  const score = shared.reduce((sum, l) => sum + weight(l), 0) / total;
  return { score, detail: `Speaks ${shared.join(', ')} of ${requested.join(', ')}` };
}

function fairness(sessionsThisMonth: number) {
  const n = Math.max(0, sessionsThisMonth);
  return {
    score: 1 / (1 + n),
    detail: `${n} pro bono session${n === 1 ? '' : 's'} this month`,
  };
}

function timezone(at: Date, therapistZone: string, volunteerZone: string) {
  const offset = (zone: string) => DateTime.fromJSDate(at, { zone }).offset;
  const hours = Math.abs(offset(therapistZone) - offset(volunteerZone)) / 60;
  return {
    score: clamp01(1 - hours / 12),
    detail:
      hours === 0
        ? `Same UTC offset as you (${therapistZone})`
        : `${hours} h from your time zone (${therapistZone})`,
  };
}
