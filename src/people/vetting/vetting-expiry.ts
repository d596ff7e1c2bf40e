import { RuleViolationError } from '../../common/domain-error';
import type { BuddyKind, LocalDate, VettedRole } from '../people.types';
import { addYears } from './vetting-clock';

export interface ExpiryFacts {
  role: VettedRole;
  /** Today (UTC), the day of the decision. */
  today: LocalDate;
  buddyKind?: BuddyKind;
  dbsIssuedOn?: LocalDate;
  dbsRecheckYears: number;
}

/**
 * When a verification lapses unless the coordinator says otherwise: BACP and UKCP membership
 * renews yearly, so a therapist's lapses a year from today; a buddy's DBS check needs redoing
 * `dbsRecheckYears` after its issue date, and a buddy who is a therapist also renews membership
 * yearly. A DBS check already due cannot be verified by default: 422 `dbs-recheck-due`.
 */
export function defaultExpiry(facts: ExpiryFacts): LocalDate {
  const membershipDue = addYears(facts.today, 1);
  if (facts.role === 'therapist') return membershipDue;
  if (!facts.dbsIssuedOn) throw new Error('A buddy is vetted against their DBS certificate');
  const dbsDue = addYears(facts.dbsIssuedOn, facts.dbsRecheckYears);
  if (dbsDue <= facts.today) {
    throw new RuleViolationError(
      'dbs-recheck-due',
      `The DBS certificate is more than ${facts.dbsRecheckYears} years old; record a new one, or give expiresOn after checking the Update Service.`,
    );
  }
  return facts.buddyKind === 'therapist' && membershipDue < dbsDue ? membershipDue : dbsDue;
}
