import { NotFoundError } from './domain-error';
import { Actor, Role } from './auth.decorators';

/**
 * The ownership check services call after loading a record with the ids of the people on it
 * (one query, e.g. `select volunteer_id, therapist_id from session where id = $1`).
 * Answers 404 rather than 403 so that another person's record does not even show it exists.
 * Coordinators pass only where the caller says so (and audits the read).
 */
export function requireAccess<T>(
  actor: Actor,
  record: T | null | undefined,
  participants: (record: T) => Array<string | null | undefined>,
  options: { coordinator?: boolean; what?: string } = {},
): T {
  if (!record) throw new NotFoundError(options.what);
  if (options.coordinator && actor.role === Role.Coordinator) return record;
  if (participants(record).includes(actor.id)) return record;
  throw new NotFoundError(options.what);
}
