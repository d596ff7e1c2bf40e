import { EntityManager } from 'typeorm';

/** A time someone cannot take a new booking, already widened by the therapist's buffer. */
export interface BusyInterval {
  userId: string;
  startsAt: Date;
  endsAt: Date;
  /** The record behind it (e.g. a session id), so a reschedule can ignore its own. */
  id: string;
}

/**
 * Where busy time comes from. The sessions module registers one with
 * `AvailabilityService.registerBusySource` in its onModuleInit; availability calls each source
 * once per request for all the people in it, with intervals overlapping `range`.
 */
export interface BusySource {
  busy(
    userIds: string[],
    range: { from: Date; to: Date },
    em: EntityManager,
  ): Promise<BusyInterval[]>;
}
