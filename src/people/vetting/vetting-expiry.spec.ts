import { RuleViolationError } from '../../common/domain-error';
import { defaultExpiry } from './vetting-expiry';
import { addDays, addYears } from './vetting-clock';

describe('defaultExpiry', () => {
  const base = { today: '2026-11-26', dbsRecheckYears: 3 };

  it('gives a therapist one year of membership', () => {
    expect(defaultExpiry({ ...base, role: 'therapist' })).toBe('2027-11-26');
  });

  it('gives a humanitarian buddy the DBS recheck date', () => {
    expect(
      defaultExpiry({
        ...base,
        role: 'buddy',
        buddyKind: 'humanitarian',
        dbsIssuedOn: '2025-02-03',
      }),
    ).toBe('2028-02-03');
  });

  it('honours a configured recheck interval', () => {
    expect(
      defaultExpiry({
        ...base,
        dbsRecheckYears: 1,
        role: 'buddy',
        buddyKind: 'humanitarian',
        dbsIssuedOn: '2026-01-10',
      }),
    ).toBe('2027-01-10');
  });

  it('gives a therapist buddy the earlier of membership renewal and DBS recheck', () => {
    const buddy = { ...base, role: 'buddy' as const, buddyKind: 'therapist' as const };
    expect(defaultExpiry({ ...buddy, dbsIssuedOn: '2026-06-01' })).toBe('2027-11-26');
    expect(defaultExpiry({ ...buddy, dbsIssuedOn: '2024-03-01' })).toBe('2027-03-01');
  });

  it('refuses a DBS check already due with 422', () => {
    expect(() =>
      defaultExpiry({
        ...base,
        role: 'buddy',
        buddyKind: 'humanitarian',
        dbsIssuedOn: '2023-11-26',
      }),
    ).toThrow(RuleViolationError);
  });
});

describe('vetting date arithmetic', () => {
  it('moves 29 February to 28 February in a common year', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-15', 30)).toBe('2027-01-14');
  });
});
