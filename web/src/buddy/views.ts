import type { Schemas } from '../api/client';

/** Response shapes of the check-in and pairing routes, from the generated OpenAPI types. */
export type CheckinView = Schemas['CheckinView'];
export type PairingView = Schemas['PairingView'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
