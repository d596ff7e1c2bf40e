import { ConflictError, RuleViolationError } from '../common/domain-error';
import { CoveredSessionView } from './availability.view';

/** 422: a session cannot start at that time (`outside-availability`, `off-grid`, `too-short-notice`). */
export class NotBookableError extends RuleViolationError {}

/** 409: the start time collides (buffer included) with something already booked. */
export class SlotTakenError extends ConflictError {
  constructor() {
    super(
      'slot-taken',
      'The therapist is already booked at that time, including the buffer between sessions.',
    );
  }
}

/** 409: exceptions modify weekly availability, which must be set first (it carries the zone). */
export class AvailabilityNotSetError extends ConflictError {
  constructor() {
    super(
      'availability-not-set',
      'Set your weekly availability and its time zone (PUT /v1/me/availability) before adding exceptions.',
    );
  }
}

/**
 * 409: time off (or a day's new windows) would leave booked sessions outside availability. The
 * problem lists them (`sessions`); the request says `sessions: keep` or `cancel` to go ahead.
 */
export class TimeOffCoversSessionsError extends ConflictError {
  constructor(sessions: CoveredSessionView[]) {
    super(
      'time-off-covers-sessions',
      sessions.length === 1
        ? 'You have a session booked in this time. Choose to cancel it (the volunteer is told) or keep it.'
        : `You have ${sessions.length} sessions booked in this time. Choose to cancel them (each volunteer is told) or keep them.`,
      { sessions },
    );
  }
}
