import { type Modality } from '../people/people.types';
import { SessionRequest, SessionRequestStatus } from './session-request.entity';

export class SessionRequestView {
  id!: string;
  volunteerId!: string;
  languages!: string[];
  modality!: Modality;
  notBefore!: Date;
  notAfter!: Date;
  therapistGender!: string | null;
  note!: string | null;
  /** `open` until a session is booked from it, or it is withdrawn or lapses. */
  status!: SessionRequestStatus;
  createdAt!: Date;
}

/** The volunteer's open request (at most one), to come back to choosing. */
export class SessionRequestListView {
  items!: SessionRequestView[];
}

export const toSessionRequestView = (r: SessionRequest): SessionRequestView => ({
  id: r.id,
  volunteerId: r.volunteerId,
  languages: r.languages,
  modality: r.modality,
  notBefore: r.notBefore,
  notAfter: r.notAfter,
  therapistGender: r.therapistGender,
  note: r.note,
  status: r.status,
  createdAt: r.createdAt,
});
