import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError, RuleViolationError } from '../common/domain-error';

export class NoPhoneError extends ConflictError {
  constructor() {
    super('no-phone', 'Add a mobile number to your profile first, then ask for a code.');
  }
}

export class PhoneAlreadyConfirmedError extends ConflictError {
  constructor() {
    super('phone-already-confirmed', 'Your mobile number is already confirmed.');
  }
}

export class TooManyCodesError extends DomainError {
  constructor(retryAfter: number) {
    super(
      HttpStatus.TOO_MANY_REQUESTS,
      'too-many-codes',
      'Too many codes asked for',
      `You have asked for 3 codes in the last hour. You can ask again in ${Math.ceil(retryAfter / 60)} minutes.`,
      { retryAfter },
    );
  }
}

export class NoCodeError extends ConflictError {
  constructor() {
    super('no-code', 'We have not texted you a code yet. Ask for a code first.');
  }
}

/** Wrong, expired, used, or used up: what the person does next differs, so the type says which. */
export class CodeRejectedError extends RuleViolationError {
  constructor(
    code: 'wrong-code' | 'code-expired' | 'code-used' | 'code-used-up' | 'phone-changed',
    triesLeft?: number,
  ) {
    super(code, CODE_WORDS[code](triesLeft ?? 0), triesLeft === undefined ? {} : { triesLeft });
  }
}

const CODE_WORDS = {
  'wrong-code': (left: number) =>
    `That is not the code we sent. Check the latest text and try again (${left} ${left === 1 ? 'try' : 'tries'} left).`,
  'code-expired': () => 'That code has expired: codes work for 10 minutes. Ask for a new one.',
  'code-used': () => 'That code has been used already. Ask for a new one.',
  'code-used-up': () => 'That code had 5 wrong tries and no longer works. Ask for a new one.',
  'phone-changed': () =>
    'Your mobile number changed after we sent that code. Ask for a code for the new number.',
};
