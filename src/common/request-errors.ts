import { ConflictError } from './domain-error';

/** What a volunteer asks for: a therapy session or a buddy. */
export type RequestKind = 'session' | 'buddy';

const WHAT: Record<RequestKind, string> = { session: 'session', buddy: 'buddy' };

/** A volunteer asks again while a request is open: the answer points back to the open one. */
export class OpenRequestExistsError extends ConflictError {
  constructor(kind: RequestKind, requestId: string) {
    super(
      'open-request-exists',
      `You have already asked for a ${WHAT[kind]}; carry on with that request, or withdraw it first.`,
      { requestId },
    );
  }
}

/** The request was withdrawn or replaced: nothing can be booked or paired from it. */
export class RequestClosedError extends ConflictError {
  constructor(kind: RequestKind) {
    super(
      'request-closed',
      `This ${WHAT[kind]} request is no longer open. Ask again if you still need a ${WHAT[kind]}.`,
    );
  }
}
