import { ConflictError } from '../common/domain-error';
import { ConcernStatus } from './concern-types';

const { Open, Triaged, Referred, Closed } = ConcernStatus;

/**
 * The triage path: open -> triaged -> referred -> closed, and triaged -> closed when no referral is
 * needed. Nothing goes back, nothing skips triage, closed is final. The same pairs are a CHECK on
 * the history table, so the database refuses any other step too.
 */
export const TRANSITIONS: ReadonlyArray<readonly [ConcernStatus, ConcernStatus]> = [
  [Open, Triaged],
  [Triaged, Referred],
  [Triaged, Closed],
  [Referred, Closed],
];

export const canMove = (from: ConcernStatus, to: ConcernStatus): boolean =>
  TRANSITIONS.some(([f, t]) => f === from && t === to);

export class InvalidTransitionError extends ConflictError {
  constructor(from: ConcernStatus, to: ConcernStatus) {
    super('invalid-transition', `A concern that is ${from} cannot become ${to}.`, {
      from,
      to,
      allowed: TRANSITIONS.filter(([f]) => f === from).map(([, t]) => t),
    });
  }
}

export function requireTransition(from: ConcernStatus, to: ConcernStatus): void {
  if (!canMove(from, to)) throw new InvalidTransitionError(from, to);
}
