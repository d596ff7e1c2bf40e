import { BuddyCandidate, BuddyNeed, rankBuddies } from './buddy-ranking';

const w = (start: string, end: string) => ({ start: new Date(start), end: new Date(end) });
const evening = [w('2027-03-06T16:00:00Z', '2027-03-06T18:00:00Z')];

const need: BuddyNeed = { languages: ['en', 'el'], preferredKind: 'therapist', windows: evening };
const buddy = (userId: string, over: Partial<BuddyCandidate> = {}): BuddyCandidate => ({
  userId,
  kind: 'humanitarian',
  languages: ['en'],
  timezone: 'Europe/London',
  maxActivePairings: 2,
  activePairings: 0,
  windows: evening,
  ...over,
});

const ids = (r: ReturnType<typeof rankBuddies>) => r.map((x) => x.candidate.userId);

describe('rankBuddies', () => {
  it('leaves out buddies who are full, share no language, or whose windows do not overlap enough', () => {
    const ranked = rankBuddies(need, [
      buddy('ok'),
      buddy('full', { activePairings: 2 }),
      buddy('french', { languages: ['fr'] }),
      buddy('morning', { windows: [w('2027-03-06T08:00:00Z', '2027-03-06T12:00:00Z')] }),
      buddy('too-short', { windows: [w('2027-03-06T17:40:00Z', '2027-03-06T19:00:00Z')] }),
    ]);
    expect(ids(ranked)).toEqual(['ok']);
  });

  it('puts the preferred kind first, then the fewest active pairings, then the most overlap', () => {
    const ranked = rankBuddies(need, [
      buddy('busy-humanitarian', { activePairings: 1 }),
      buddy('free-humanitarian-short', {
        windows: [w('2027-03-06T17:00:00Z', '2027-03-06T18:00:00Z')],
      }),
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

  it('explains each rank with the shared languages, fairness and overlap', () => {
    const [top] = rankBuddies(need, [
      buddy('t', { kind: 'therapist', activePairings: 1, languages: ['el'] }),
    ]);
    expect(top.reasons).toEqual([
      'therapist buddy, as asked',
      'speaks el',
      '1 of 2 places taken',
      '2 h of shared call windows',
    ]);
    expect(top).toMatchObject({
      overlapMinutes: 120,
      sharedLanguages: ['el'],
      preferredKind: true,
    });
  });
});
