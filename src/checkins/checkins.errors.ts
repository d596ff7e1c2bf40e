import { ConflictError, RuleViolationError } from '../common/domain-error';

export class BuddyFullError extends ConflictError {
  constructor() {
    super('buddy-full', 'This buddy has no free place for another pairing.');
  }
}

export class AlreadyPairedError extends ConflictError {
  constructor() {
    super('volunteer-already-paired', 'The volunteer already has an active buddy pairing.');
  }
}

export class PairingEndedError extends ConflictError {
  constructor() {
    super('pairing-ended', 'The pairing has ended.');
  }
}

export class BuddyNotMatchableError extends RuleViolationError {
  constructor() {
    super('buddy-not-matchable', 'This buddy is not verified, or their vetting has lapsed.');
  }
}

export class CallNotScheduledError extends ConflictError {
  constructor(status: string) {
    super('call-not-scheduled', `The call is ${status}, not scheduled.`, { callStatus: status });
  }
}

export class CallNotDueError extends RuleViolationError {
  constructor() {
    super('call-not-due', 'An outcome can be logged once the call has started.');
  }
}

export class CallStartedError extends RuleViolationError {
  constructor() {
    super('call-started', 'The call has started: log how it went instead of cancelling it.');
  }
}

export class CallClashError extends ConflictError {
  constructor() {
    super('call-clash', 'The pairing already has a call at that time.');
  }
}

export class PhaseRequiredError extends RuleViolationError {
  constructor() {
    super(
      'phase-required',
      'Your deployments do not show you deployed or returned yet: say which phase you are in.',
    );
  }
}

export class LanguagesRequiredError extends RuleViolationError {
  constructor() {
    super('languages-required', 'Give at least one language, here or in your profile.');
  }
}
