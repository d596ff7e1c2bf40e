import { HttpStatus } from '@nestjs/common';
import { ConflictError, DomainError } from '../common/domain-error';

/** 400 `/problems/unknown-consent-purpose`: not in the catalog (`GET /v1/consent/purposes`). */
export class UnknownPurposeError extends DomainError {
  constructor(purpose: string) {
    super(
      HttpStatus.BAD_REQUEST,
      'unknown-consent-purpose',
      'Bad Request',
      'There is no such consent purpose; see GET /v1/consent/purposes.',
      { purpose },
    );
  }
}

/** 400 `/problems/unknown-consent-version`: the purpose has no text of that version. */
export class UnknownVersionError extends DomainError {
  constructor(purpose: string, version: number) {
    super(
      HttpStatus.BAD_REQUEST,
      'unknown-consent-version',
      'Bad Request',
      'This purpose has no text of that version; see GET /v1/consent/purposes.',
      { purpose, version },
    );
  }
}

/**
 * 409 `/problems/stale-consent-version`: a grant must be to the text shown now. The version exists
 * but a newer one has been published since the client fetched the purposes: fetch, show, ask again.
 */
export class StaleVersionError extends ConflictError {
  constructor(purpose: string, version: number, currentVersion: number) {
    super(
      'stale-consent-version',
      `Version ${version} is no longer the current text of "${purpose}"; agree to version ${currentVersion}.`,
      { purpose, version, currentVersion },
    );
  }
}

/**
 * 409 `/problems/purpose-not-offered`: the service does not use this purpose now (WhatsApp
 * messages while WHATSAPP_ENABLED is off), so there is nothing to agree to. Withdrawing still works.
 */
export class PurposeNotOfferedError extends ConflictError {
  constructor(purpose: string, title: string) {
    super(
      'purpose-not-offered',
      `This service does not use “${title}” at the moment, so there is nothing to agree to.`,
      { purpose },
    );
  }
}
