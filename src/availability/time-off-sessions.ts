import { EntityManager } from 'typeorm';
import { Actor } from '../common/auth.decorators';
import { Range } from '../common/time/interval';

/** A booked session that time off would cover, as the therapist is shown it. */
export interface CoveredSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  /** The volunteer's first name; null once erased. */
  volunteerFirstName: string | null;
}

/**
 * How availability asks about the booked sessions inside time off, without reaching into the
 * sessions module: the sessions module registers one with
 * `AvailabilityService.registerTimeOffSessions` in its onModuleInit, backed by its exported
 * `SessionsService`. Both run in the caller's transaction.
 */
export interface TimeOffSessions {
  /** The therapist's booked sessions, not yet started, that overlap `range`; locked for update. */
  covered(therapistId: string, range: Range, em: EntityManager): Promise<CoveredSession[]>;
  /** Cancels them as the therapist, as any cancellation: the volunteer is told, the request reopens. */
  cancel(actor: Actor, ids: string[], reason: string, em: EntityManager): Promise<void>;
}
