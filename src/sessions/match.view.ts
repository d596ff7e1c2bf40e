import { ZonedTimeView } from '../common/time/zoned-time.view';

export class MatchReasonView {
  factor!: 'earliest' | 'language' | 'fairness' | 'timezone';
  weight!: number;
  score!: number;
  detail!: string;
}

export class TherapistMatchView {
  therapistId!: string;
  name!: string;
  bio!: string | null;
  /** 0..1, the weighted sum of the reasons' scores. */
  score!: number;
  membershipBody!: string;
  timezone!: string;
  sessionMinutes!: number;
  modalities!: string[];
  sharedLanguages!: string[];
  /** As the therapist gave it; only when the request asked for a gender (null otherwise). */
  gender!: string | null;
  /** A photo is at `GET /v1/therapists/{therapistId}/photo`. */
  hasPhoto!: boolean;
  town!: string | null;
  reasons!: MatchReasonView[];
  nextSlots!: ZonedTimeView[];
}

export class MatchListView {
  requestId!: string;
  items!: TherapistMatchView[];
}
