import type { BuddyPhase, CallChannel } from '../checkins/buddy-request.entity';
import type { BuddyKind, Modality } from '../people/people.types';

export class UnmatchedRequestsView {
  /** Requests made before this instant count (seven days before now). */
  olderThan!: Date;
  /** Session requests with no session booked from them. */
  sessionRequests!: number;
  /** Buddy requests with no pairing made from them. */
  buddyRequests!: number;
}

/** A session request still open after seven days: who asked, what for, since when. */
export class UnmatchedSessionRequestView {
  id!: string;
  volunteerId!: string;
  /** Null when the account was erased. */
  volunteerName!: string | null;
  modality!: Modality;
  /** ISO 639-1 codes, most preferred first. */
  languages!: string[];
  notBefore!: Date;
  notAfter!: Date;
  therapistGender!: string | null;
  createdAt!: Date;
}

/** A buddy request still open after seven days: who asked, what for, since when. */
export class UnmatchedBuddyRequestView {
  id!: string;
  volunteerId!: string;
  /** Null when the account was erased. */
  volunteerName!: string | null;
  phase!: BuddyPhase;
  /** ISO 639-1 codes. */
  languages!: string[];
  preferredKind!: BuddyKind | null;
  channel!: CallChannel;
  createdAt!: Date;
}

/** The requests behind the counts, oldest first, at most 100 of each. */
export class UnmatchedRequestListView {
  olderThan!: Date;
  sessionRequests!: UnmatchedSessionRequestView[];
  buddyRequests!: UnmatchedBuddyRequestView[];
}
