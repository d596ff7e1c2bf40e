import {
  FAIRNESS_MONTHS,
  MatchCandidate,
  MatchContext,
  THERAPIST_WEIGHTS,
  rankTherapists,
} from './matching';

const from = new Date('2027-03-01T00:00:00Z');
const to = new Date('2027-03-11T00:00:00Z');
const ctx: MatchContext = {
  languages: ['en', 'fr'],
  volunteerTimezone: 'Europe/London',
  window: { from, to },
};
const day = (d: number, h = 9) => new Date(Date.UTC(2027, 2, d, h));
const candidate = (id: string, change: Partial<MatchCandidate> = {}): MatchCandidate => ({
  therapistId: id,
  timezone: 'Europe/London',
  languages: ['en', 'fr'],
  slots: [day(2)],
  recentSessions: 0,
  ...change,
});
const ids = (c: MatchCandidate[], x: MatchContext = ctx) =>
  rankTherapists(c, x).map((r) => r.therapistId);

describe('rankTherapists', () => {
  it('documents weights that add up to 1', () => {
    const total = Object.values(THERAPIST_WEIGHTS).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it('puts the earlier first free slot first when all else is equal', () => {
    expect(ids([candidate('b', { slots: [day(8)] }), candidate('a', { slots: [day(3)] })])).toEqual(
      ['a', 'b'],
    );
  });

  it('offers only therapists who speak the first-choice language when anyone bookable does', () => {
    const onlyFr = candidate('fr', { languages: ['fr'], slots: [day(1, 1)] });
    const onlyEn = candidate('en', { languages: ['en'], slots: [day(9)] });
    expect(ids([onlyFr, onlyEn])).toEqual(['en']);
    // Without a slot the first-choice speaker does not count: the second language is offered.
    const [r] = rankTherapists([onlyFr, candidate('en', { languages: ['en'], slots: [] })], ctx);
    expect(r.therapistId).toBe('fr');
    expect(r.reasons.find((x) => x.factor === 'language')!.score).toBeCloseTo(1 / 3, 4);
  });

  it('scores a therapist sharing every requested language at 1 for language', () => {
    const [r] = rankTherapists([candidate('a', { languages: ['fr', 'en', 'de'] })], ctx);
    expect(r.reasons.find((x) => x.factor === 'language')).toMatchObject({ score: 1 });
    expect(r.sharedLanguages).toEqual(['en', 'fr']);
  });

  it('is fair: fewer recent pro bono sessions than the least loaded candidate ranks lower', () => {
    const ranked = rankTherapists(
      [candidate('busy', { recentSessions: 2 }), candidate('free', { recentSessions: 0 })],
      ctx,
    );
    expect(ranked.map((r) => r.therapistId)).toEqual(['free', 'busy']);
    const fairness = (i: number) => ranked[i].reasons.find((r) => r.factor === 'fairness')!;
    expect(fairness(0).score).toBe(1);
    expect(fairness(1)).toMatchObject({
      score: 0.3333,
      detail: `Has given 2 free sessions in the last ${FAIRNESS_MONTHS} months; some who fit have given fewer`,
    });
  });

  it('prefers a therapist in the volunteer’s UTC offset, using the offset at the slot (DST)', () => {
    const athens = { ...ctx, volunteerTimezone: 'Europe/Athens' };
    expect(
      ids([candidate('london'), candidate('athens', { timezone: 'Europe/Athens' })], athens),
    ).toEqual(['athens', 'london']);
    // Before the EU change London is UTC+0 and Athens UTC+2; after, +1 and +3: still 2 hours.
    const [winter] = rankTherapists([candidate('l', { slots: [day(2)] })], athens);
    const [summer] = rankTherapists(
      [candidate('l', { slots: [new Date('2027-04-02T09:00:00Z')] })],
      { ...athens, window: { from, to: new Date('2027-04-30T00:00:00Z') } },
    );
    const tz = (r: typeof winter) => r.reasons.find((x) => x.factor === 'timezone')!;
    expect(tz(winter).score).toBeCloseTo(1 - 2 / 12, 4);
    expect(tz(summer).score).toBeCloseTo(1 - 2 / 12, 4);
    // Written from the reader's side: London is two hours behind a volunteer in Athens.
    expect(tz(winter).detail).toBe('Their clock is 2 hours behind yours');
    const [ahead] = rankTherapists([candidate('a', { timezone: 'Asia/Kolkata' })], athens);
    expect(ahead.reasons.find((x) => x.factor === 'timezone')!.detail).toBe(
      'Their clock is 3 hours 30 minutes ahead of yours',
    );
    const [same] = rankTherapists([candidate('x', { timezone: 'Europe/Athens' })], athens);
    expect(same.reasons.find((x) => x.factor === 'timezone')!.detail).toBe(
      'Their clock shows the same time as yours',
    );
  });

  it('lets a much earlier slot outweigh one extra recent session', () => {
    const soonButBusy = candidate('soon', { slots: [day(1, 1)], recentSessions: 1 });
    const lateAndFree = candidate('late', { slots: [day(10, 20)], recentSessions: 0 });
    expect(ids([lateAndFree, soonButBusy])).toEqual(['soon', 'late']);
  });

  it('drops candidates without a slot or without a shared language', () => {
    expect(
      ids([
        candidate('none', { slots: [] }),
        candidate('de', { languages: ['de'] }),
        candidate('ok'),
      ]),
    ).toEqual(['ok']);
  });

  it('breaks exact ties by earliest slot then id, so the order is stable', () => {
    expect(ids([candidate('c'), candidate('a'), candidate('b')])).toEqual(['a', 'b', 'c']);
  });

  it('explains every factor and returns the next slots, at most five by default', () => {
    const slots = [2, 3, 4, 5, 6, 7, 8].map((d) => day(d));
    const [r] = rankTherapists([candidate('a', { slots, recentSessions: 1 })], ctx);
    expect(r.reasons.map((x) => x.factor)).toEqual([
      'earliest',
      'language',
      'fairness',
      'timezone',
    ]);
    expect(r.reasons.find((x) => x.factor === 'fairness')).toMatchObject({
      score: 1,
      detail: `Has given 1 free session in the last ${FAIRNESS_MONTHS} months, the fewest of those who fit, so it is their turn`,
    });
    // The first free time on the reader's clock, in words: no ISO timestamp, no zone name.
    expect(r.reasons.find((x) => x.factor === 'earliest')!.detail).toBe(
      'First free time: Tue 2 Mar at 09:00, your time',
    );
    expect(r.reasons.find((x) => x.factor === 'language')!.detail).toBe(
      'Speaks English and French (français), as you asked',
    );
    expect(r.nextSlots).toEqual(slots.slice(0, 5));
    const expected =
      0.4 * (1 - 1.375 / 10) + 0.1 * 1 + 0.4 * 1 + 0.1 * 1; /* slot 1 day 9 h into 10 days */
    expect(r.score).toBeCloseTo(expected, 4);
  });

  it('scores the window start as 1 and the window end as 0 for earliness', () => {
    const [atStart] = rankTherapists([candidate('a', { slots: [from] })], ctx);
    const [atEnd] = rankTherapists([candidate('a', { slots: [to] })], ctx);
    expect(atStart.reasons[0].score).toBe(1);
    expect(atEnd.reasons[0].score).toBe(0);
  });
});
