import { type Modality } from '../people/people.types';
import { SessionRequest } from './session-request.entity';

export class SessionRequestView {
  id!: string;
  volunteerId!: string;
  languages!: string[];
  modality!: Modality;
  notBefore!: Date;
  notAfter!: Date;
  therapistGender!: string | null;
  note!: string | null;
  createdAt!: Date;
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
  createdAt: r.createdAt,
});
