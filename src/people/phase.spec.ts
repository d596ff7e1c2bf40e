import { derivePhase } from './phase';

describe('derivePhase', () => {
  const calais = { startsOn: '2026-03-01', endsOn: '2026-03-28' };
  const lesvos = { startsOn: '2026-06-10', endsOn: '2026-07-09' };

  it('is preparing with no deployments', () => {
    expect(derivePhase([], '2026-03-10')).toEqual({
      phase: 'preparing',
      returnedOn: null,
      weeksSinceReturn: null,
      returnsOn: null,
    });
  });

  it('is preparing before the first deployment starts', () => {
    expect(derivePhase([calais], '2026-02-28').phase).toBe('preparing');
  });

  it.each(['2026-03-01', '2026-03-15', '2026-03-28'])(
    'is deployed on %s, first to last day inclusive, with the planned return',
    (today) => {
      expect(derivePhase([calais], today)).toEqual({
        phase: 'deployed',
        returnedOn: null,
        weeksSinceReturn: null,
        returnsOn: '2026-03-28',
      });
    },
  );

  it.each([
    ['2026-03-29', 0],
    ['2026-04-03', 0],
    ['2026-04-04', 1],
    ['2026-04-25', 4],
    ['2027-03-28', 52],
  ])('on %s has returned, %i whole weeks ago', (today, weeks) => {
    expect(derivePhase([calais], today)).toEqual({
      phase: 'returned',
      returnedOn: '2026-03-28',
      weeksSinceReturn: weeks,
      returnsOn: null,
    });
  });

  it('is returned between deployments, counting from the latest one that ended', () => {
    expect(derivePhase([lesvos, calais], '2026-05-01')).toMatchObject({
      phase: 'returned',
      returnedOn: '2026-03-28',
      weeksSinceReturn: 4,
    });
  });

  it('is deployed again on a later deployment, and returned from it afterwards', () => {
    expect(derivePhase([calais, lesvos], '2026-06-10')).toMatchObject({
      phase: 'deployed',
      returnsOn: '2026-07-09',
    });
    expect(derivePhase([calais, lesvos], '2026-07-24')).toMatchObject({
      phase: 'returned',
      returnedOn: '2026-07-09',
      weeksSinceReturn: 2,
    });
  });

  it('counts weeks across a DST change and a leap day by calendar days', () => {
    const winter = { startsOn: '2028-01-10', endsOn: '2028-02-27' };
    expect(derivePhase([winter], '2028-04-02').weeksSinceReturn).toBe(5);
  });
});
