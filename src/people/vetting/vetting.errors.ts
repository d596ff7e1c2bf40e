import { ConflictError, RuleViolationError } from '../../common/domain-error';
import type { VettingStatus } from '../people.types';

export class ProfileMissingError extends ConflictError {
  constructor() {
    super('profile-missing', 'This person has not filled in a profile to vet yet.');
  }
}

export class InvalidVettingTransitionError extends ConflictError {
  constructor(from: VettingStatus, action: string, detail: string) {
    super('invalid-vetting-transition', detail, { vettingStatus: from, action });
  }
}

export class BadExpiryError extends RuleViolationError {
  constructor(detail: string) {
    super('bad-vetting-expiry', detail);
  }
}
