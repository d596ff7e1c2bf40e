import { addDays } from '../common/time/wall-clock';
import type { LocalDate, VolunteerProfileView } from '../people/people.types';
import type { IneligibleReason } from './sessions.errors';

export type Eligibility =
  { eligible: true } | { eligible: false; reason: IneligibleReason; detail: string };

/**
 * Who may ask for their therapy session: a volunteer who has returned, or who is deployed and
 * returns within `daysBeforeReturn` days of `today` (their own calendar date).
 */
export function sessionEligibility(
  volunteer: Pick<VolunteerProfileView, 'phase' | 'returnsOn'>,
  today: LocalDate,
  daysBeforeReturn: number,
): Eligibility {
  if (volunteer.phase === 'returned') return { eligible: true };
  if (volunteer.phase === 'deployed' && volunteer.returnsOn) {
    const from = addDays(volunteer.returnsOn, -daysBeforeReturn);
    if (today >= from) return { eligible: true };
    return {
      eligible: false,
      reason: 'returns-later',
      detail: `The session is for volunteers coming home: you can ask from ${from}, ${daysBeforeReturn} days before your return on ${volunteer.returnsOn}.`,
    };
  }
  return {
    eligible: false,
    reason: 'not-deployed-yet',
    detail:
      'The session is for volunteers coming home from a deployment; add your deployment to your profile first.',
  };
}
