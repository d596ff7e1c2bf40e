import { intersect, Interval, minutesOf } from '../common/time/interval';

export type BuddyKind = 'therapist' | 'humanitarian';

/** What the volunteer asked for: call windows already turned into UTC intervals. */
export interface BuddyNeed {
  languages: string[];
  preferredKind: BuddyKind | null;
  windows: Interval[];
}

export interface BuddyCandidate {
  userId: string;
  kind: BuddyKind;
  languages: string[];
  timezone: string;
  maxActivePairings: number;
  activePairings: number;
  /** The buddy's availability as UTC intervals over the same range as the need's windows. */
  windows: Interval[];
}

export interface RankedBuddy {
  candidate: BuddyCandidate;
  sharedLanguages: string[];
  preferredKind: boolean;
  overlaps: Interval[];
  overlapMinutes: number;
  reasons: string[];
}

/** Shortest overlap that can hold a call. */
export const MIN_CALL_MINUTES = 30;

const hours = (minutes: number) =>
  minutes % 60 === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;

/**
 * Buddies who can take the volunteer: a free place, a shared language, and at least one stretch of
 * MIN_CALL_MINUTES when both are free once each person's zone is applied. Ordered by the preferred
 * kind first, then fairness (fewest active pairings), then the most overlap, then the most shared
 * languages; ties by id so the order is stable.
 */
export function rankBuddies(need: BuddyNeed, candidates: BuddyCandidate[]): RankedBuddy[] {
  const ranked: RankedBuddy[] = [];
  for (const candidate of candidates) {
    if (candidate.activePairings >= candidate.maxActivePairings) continue;
    const sharedLanguages = need.languages.filter((l) => candidate.languages.includes(l));
    if (sharedLanguages.length === 0) continue;
    const overlaps = intersect(need.windows, candidate.windows).filter(
      (i) => i.end.getTime() - i.start.getTime() >= MIN_CALL_MINUTES * 60_000,
    );
    if (overlaps.length === 0) continue;
    const overlapMinutes = Math.round(minutesOf(overlaps));
    const preferredKind = need.preferredKind === candidate.kind;
    const reasons = [
      ...(preferredKind ? [`${candidate.kind} buddy, as asked`] : []),
      `speaks ${sharedLanguages.join(', ')}`,
      `${candidate.activePairings} of ${candidate.maxActivePairings} places taken`,
      `${hours(overlapMinutes)} of shared call windows`,
    ];
    ranked.push({ candidate, sharedLanguages, preferredKind, overlaps, overlapMinutes, reasons });
  }
  return ranked.sort(
    (a, b) =>
      Number(b.preferredKind) - Number(a.preferredKind) ||
      a.candidate.activePairings - b.candidate.activePairings ||
      b.overlapMinutes - a.overlapMinutes ||
      b.sharedLanguages.length - a.sharedLanguages.length ||
      a.candidate.userId.localeCompare(b.candidate.userId),
  );
}
