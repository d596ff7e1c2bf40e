import { AUDIT_CHANGES, AUDIT_READS } from './audit-actions';

describe('audit vocabulary', () => {
  const names = [...Object.keys(AUDIT_CHANGES), ...Object.keys(AUDIT_READS)];

  it('names every action <singular noun>.<past participle>, words joined by _', () => {
    const offenders = names.filter(
      (n) => !/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/.test(n) || /^[a-z_]+s\./.test(n),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps reads apart from changes', () => {
    expect(Object.keys(AUDIT_READS).filter((n) => n in AUDIT_CHANGES)).toEqual([]);
  });
});
