import { ForbiddenError } from '../common/domain-error';

/** 403 `/problems/consent-missing`, naming the purpose the person has not (currently) agreed to. */
export class ConsentMissingError extends ForbiddenError {
  constructor(purpose: string) {
    super('consent-missing', `Consent to "${purpose}" is needed first.`, { purpose });
  }
}
