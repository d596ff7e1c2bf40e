import { ConflictError, RuleViolationError } from '../common/domain-error';

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
