import { ConflictError } from '../common/domain-error';

/** Why a failed text cannot be sent again, in words the coordinator reads. */
const WHY: Record<NotRetryableReason, string> = {
  'not-failed': 'This text has not failed, so there is nothing to try again.',
  'opted-out': 'The person replied STOP, so we may not text them.',
  'no-consent': 'The person has not agreed to text messages, or withdrew.',
  'no-phone': 'We have no phone number for the person.',
};

export type NotRetryableReason = 'not-failed' | 'opted-out' | 'no-consent' | 'no-phone';

/** 409 `/problems/not-retryable`, with `reason` for clients and the same in words. */
export class NotRetryableError extends ConflictError {
  constructor(reason: NotRetryableReason) {
    super('not-retryable', WHY[reason], { reason });
  }
}
