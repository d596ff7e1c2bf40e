import { BUDDY_WEIGHTS, BuddyCandidate, BuddyNeed, rankBuddies } from './matching';

const w = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const evening = w('2027-03-06T16:00:00Z', '2027-03-06T18:00:00Z');

const need: BuddyNeed = { languages: ['en', 'el'], preferredKind: 'therapist', windowMinutes: 120 };
/** The buddy's free time, intersected with the volunteer's evening (one stretch each here). */
const within = (free: { start: Date; end: Date }) => {
  const start = Math.max(free.start.getTime(), evening.start.getTime());
  const end = Math.min(free.end.getTime(), evening.end.getTime());
  return start < end ? [{ start: new Date(start), end: new Date(end) }] : [];
};
const buddy = (
  userId: string,
  over: Partial<BuddyCandidate> & { free?: { start: Date; end: Date } } = {},
): BuddyCandidate => {
  const { free = evening, ...rest } = over;
  return {
    userId,
    kind: 'humanitarian',
    languages: ['en'],
    timezone: 'Europe/London',
    maxActivePairings: 2,
    activePairings: 0,
    overlaps: within(free),
    ...rest,
  };
};

const ids = (r: ReturnType<typeof rankBuddies>) => r.map((x) => x.candidate.userId);

describe('rankBuddies', () => {
  it('documents weights that add up to 1', () => {
    const total = Object.values(BUDDY_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('leaves out buddies who are full, share no language, or whose windows do not overlap enough', () => {
    const ranked = rankBuddies(need, [
      buddy('ok'),
      buddy('full', { activePairings: 2 }),
      buddy('french', { languages: ['fr'] }),
      buddy('morning', { free: w('2027-03-06T08:00:00Z', '2027-03-06T12:00:00Z') }),
      buddy('too-short', { free: w('2027-03-06T17:40:00Z', '2027-03-06T19:00:00Z') }),
    ]);
    expect(ids(ranked)).toEqual(['ok']);
  });

  it('puts the preferred kind first, then the fewest active pairings, then the most overlap', () => {
    const ranked = rankBuddies(need, [
      buddy('busy-humanitarian', { activePairings: 1 }),
      buddy('free-humanitarian-short', { free: w('2027-03-06T17:00:00Z', '2027-03-06T18:00:00Z') }),
      buddy('free-humanitarian'),
      buddy('busy-therapist', { kind: 'therapist', activePairings: 1 }),
    ]);
    expect(ids(ranked)).toEqual([
      'busy-therapist',
      'free-humanitarian',
      'free-humanitarian-short',
      'busy-humanitarian',
    ]);
  });

  it('prefers more shared languages when everything else ties, then orders by id', () => {
    const ranked = rankBuddies(need, [
      buddy('b'),
      buddy('a'),
      buddy('greek', { languages: ['en', 'el'] }),
    ]);
    expect(ids(ranked)).toEqual(['greek', 'a', 'b']);
  });

  it('is fair by the share of places taken, not the count: a roomy buddy is not filled first', () => {
    const ranked = rankBuddies(need, [
      buddy('roomy', { maxActivePairings: 4, activePairings: 1 }),
      buddy('small', { maxActivePairings: 1, activePairings: 0 }),
      buddy('half', { maxActivePairings: 4, activePairings: 2 }),
    ]);
    expect(ids(ranked)).toEqual(['small', 'roomy', 'half']);
    expect(ranked.map((r) => r.reasons.find((x) => x.factor === 'fairness')!.score)).toEqual([
      1, 0.75, 0.5,
    ]);
  });

  it('explains each rank with the kind, fairness, overlap and shared languages', () => {
    const [top] = rankBuddies(need, [
      buddy('t', { kind: 'therapist', activePairings: 1, languages: ['el'] }),
    ]);
    expect(top.reasons).toEqual([
      {
        factor: 'kind',
        weight: 0.4,
        score: 1,
        detail: 'Is a qualified practitioner, as you asked',
      },
      {
        factor: 'fairness',
        weight: 0.3,
        score: 0.5,
        detail: 'Has room for 1 more person (1 of 2 places taken)',
      },
      {
        factor: 'overlap',
        weight: 0.2,
        score: 1,
        detail: 'Free for 2 hours of the times you gave',
      },
      {
        factor: 'language',
        weight: 0.1,
        score: 0.3333,
        detail: 'Speaks Greek (Ελληνικά): 1 of the 2 languages you asked for',
      },
    ]);
    expect(top).toMatchObject({
      score: 0.4 + 0.15 + 0.2 + 0.0333,
      overlapMinutes: 120,
      sharedLanguages: ['el'],
      preferredKind: true,
    });
  });
});
