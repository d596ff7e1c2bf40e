import { ConflictError, RuleViolationError } from '../common/domain-error';

export class SlotTakenError extends ConflictError {
  constructor() {
    super('slot-taken', 'The therapist already has a session at or around that time.');
  }
}

export class SessionAlreadyUsedError extends ConflictError {
  constructor() {
    super(
      'session-already-used',
      'You already have your session (booked, held or missed); a coordinator can grant another.',
    );
  }
}

export class CapacityReachedError extends RuleViolationError {
  constructor(month: string) {
    super('capacity-reached', 'The therapist has no pro bono places left in that month.', {
      month: month.slice(0, 7),
    });
  }
}

export type IneligibleReason = 'not-deployed-yet' | 'returns-later';

export class NotEligibleError extends RuleViolationError {
  constructor(reason: IneligibleReason, detail: string) {
    super('not-eligible', detail, { reason });
  }
}

export class TherapistNotMatchableError extends RuleViolationError {
  constructor() {
    super('therapist-not-matchable', 'This therapist cannot be booked at the moment.');
  }
}

export class TherapistUnsuitableError extends RuleViolationError {
  constructor(why: 'modality' | 'language') {
    super(
      'therapist-unsuitable',
      why === 'modality'
        ? 'This therapist does not offer the requested kind of session.'
        : 'This therapist speaks none of the requested languages.',
      { why },
    );
  }
}

export class OutsideRequestWindowError extends RuleViolationError {
  constructor() {
    super('outside-request-window', 'The start time lies outside the window of the request.');
  }
}

export class SessionNotStartedError extends RuleViolationError {
  constructor() {
    super('session-not-started', 'An outcome can be recorded only after the session has started.');
  }
}

export class SessionStateError extends ConflictError {
  constructor(action: 'reschedule' | 'cancel' | 'outcome', status: string) {
    super('session-state', `A ${status} session cannot take a ${action}.`, {
      sessionStatus: status,
    });
  }
}

export class SessionStartedError extends ConflictError {
  constructor() {
    super('session-started', 'The session has already started.');
  }
}

export class GrantNotNeededError extends ConflictError {
  constructor() {
    super(
      'session-not-used-yet',
      'The volunteer still has a session they have not used; grant another once it is used.',
    );
  }
}
