import { sessionEligibility } from './eligibility';

describe('sessionEligibility', () => {
  const deployed = (returnsOn: string) => ({ phase: 'deployed' as const, returnsOn });

  it('admits a volunteer who has returned', () => {
    expect(sessionEligibility({ phase: 'returned', returnsOn: null }, '2027-03-01', 14)).toEqual({
      eligible: true,
    });
  });

  it('admits a deployed volunteer from exactly N days before the return date', () => {
    expect(sessionEligibility(deployed('2027-03-15'), '2027-03-01', 14).eligible).toBe(true);
    expect(sessionEligibility(deployed('2027-03-15'), '2027-03-10', 14).eligible).toBe(true);
  });

  it('turns away a deployed volunteer returning later, saying from when they may ask', () => {
    expect(sessionEligibility(deployed('2027-03-16'), '2027-03-01', 14)).toEqual({
      eligible: false,
      reason: 'returns-later',
      detail: expect.stringContaining('from 2027-03-02'),
    });
  });

  it('honours a configured window of 0 days (only once home or on the last day)', () => {
    expect(sessionEligibility(deployed('2027-03-01'), '2027-03-01', 0).eligible).toBe(true);
    expect(sessionEligibility(deployed('2027-03-02'), '2027-03-01', 0).eligible).toBe(false);
  });

  it('turns away a volunteer still preparing', () => {
    expect(sessionEligibility({ phase: 'preparing', returnsOn: null }, '2027-03-01', 14)).toEqual(
      expect.objectContaining({ eligible: false, reason: 'not-deployed-yet' }),
    );
  });

  it('counts across a month end', () => {
    expect(sessionEligibility(deployed('2027-04-05'), '2027-03-22', 14).eligible).toBe(true);
    expect(sessionEligibility(deployed('2027-04-05'), '2027-03-21', 14).eligible).toBe(false);
  });
});
