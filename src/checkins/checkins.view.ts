import { ZonedTimeView } from '../common/time/zoned-time.view';
import type { BuddyKind } from '../people/people.types';
import type { BuddyPhase, BuddyRequestStatus, CallChannel } from './buddy-request.entity';
import type { Cadence } from './call-plan';
import type { CheckinStatus, Wellbeing } from './checkin.entity';
import { Pairing, type PairingStatus } from './pairing.entity';
import { weeklyWindowToText } from '../common/time/weekly-window';
import { BuddyRequest } from './buddy-request.entity';

export class CallWindowView {
  weekday!: number;
  start!: string;
  end!: string;
}

export class BuddyRequestView {
  id!: string;
  volunteerId!: string;
  phase!: BuddyPhase;
  languages!: string[];
  preferredKind!: BuddyKind | null;
  channel!: CallChannel;
  skypeHandle!: string | null;
  /** The zone the call windows are in. */
  timezone!: string;
  callWindows!: CallWindowView[];
  /** `open` until a pairing comes from it or it is withdrawn. */
  status!: BuddyRequestStatus;
  createdAt!: Date;
}

/** The volunteer's request still waiting for a pairing (at most one). */
export class BuddyRequestListView {
  items!: BuddyRequestView[];
  nextCursor!: string | null;
}

/** A stretch when both are free: UTC, and as each of them sees it. */
export class OverlapView {
  start!: string;
  end!: string;
  volunteerStart!: string;
  volunteerEnd!: string;
  buddyStart!: string;
  buddyEnd!: string;
}

/** One factor of a buddy's rank: its weight, its score (0 worst to 1 best) and why. */
export class BuddyMatchReasonView {
  factor!: 'kind' | 'fairness' | 'overlap' | 'language';
  weight!: number;
  score!: number;
  detail!: string;
}

export class BuddyMatchView {
  buddyId!: string;
  name!: string;
  kind!: BuddyKind;
  languages!: string[];
  sharedLanguages!: string[];
  timezone!: string;
  /** True when the buddy is of the kind the volunteer asked for. */
  preferredKind!: boolean;
  /** Fairness: pairings the buddy already has, and their maximum. */
  activePairings!: number;
  maxActivePairings!: number;
  /** Minutes both are free over the searched range. */
  overlapMinutes!: number;
  /** 0..1, the weighted sum of the reasons' scores (see src/matching/matching.ts). */
  score!: number;
  reasons!: BuddyMatchReasonView[];
  /** The first few shared stretches. */
  firstOverlaps!: OverlapView[];
}

export class BuddyMatchesView {
  requestId!: string;
  /** The searched range (two weeks from now). */
  from!: Date;
  to!: Date;
  items!: BuddyMatchView[];
}

/** How to reach the volunteer: only for their buddy, while paired and while they consent. */
export class ContactView {
  name!: string;
  phone!: string | null;
  skypeHandle!: string | null;
}

export class PairingView {
  id!: string;
  requestId!: string;
  volunteerId!: string;
  buddyId!: string;
  status!: PairingStatus;
  channel!: CallChannel;
  cadence!: Cadence;
  weekday!: number;
  /** HH:mm in `timezone` (the volunteer's clock). */
  localTime!: string;
  timezone!: string;
  /** Local date of the current plan's first call. */
  anchorOn!: string;
  endsOn!: string | null;
  /** When two consecutive calls were missed. */
  flaggedAt!: Date | null;
  createdAt!: Date;
  endedAt!: Date | null;
  endedReason!: string | null;
  /** The buddy's first name, as the volunteer knows them; null once the buddy's account is erased. */
  buddyName!: string | null;
  volunteerContact!: ContactView | null;
  /** Coordinators only (null for others): both people's full names; null once erased. */
  people!: PairingPeopleView | null;
}

/** Who is in a pairing, as the coordinator reads it. */
export class PairingPeopleView {
  volunteerName!: string | null;
  buddyName!: string | null;
}

export class PairingPageView {
  items!: PairingView[];
  nextCursor!: string | null;
}

export class CheckinView {
  id!: string;
  pairingId!: string;
  volunteerId!: string;
  buddyId!: string;
  status!: CheckinStatus;
  channel!: CallChannel;
  /** When the call starts, in the zone asked for (`tz`), else the caller's own. */
  startsAt!: ZonedTimeView;
  /** The same instant on the volunteer's clock. */
  volunteerTime!: ZonedTimeView;
  /** The same instant on the buddy's clock. */
  buddyTime!: ZonedTimeView;
  /** When the plan first put it (UTC); differs from startsAt once moved. */
  scheduledFor!: Date;
  /** Buddy and coordinators only. */
  wellbeing?: Wellbeing | null;
  note?: string | null;
  outcomeAt!: Date | null;
  /** Goes up each time the call is moved or cancelled. */
  sequence!: number;
}

export class CheckinPageView {
  items!: CheckinView[];
  nextCursor!: string | null;
}

export const toPairingView = (
  p: Pairing,
  names: {
    buddyName: string | null;
    contact: ContactView | null;
    people: PairingPeopleView | null;
  },
): PairingView => ({
  id: p.id,
  requestId: p.requestId,
  volunteerId: p.volunteerId,
  buddyId: p.buddyId,
  status: p.status,
  channel: p.channel,
  cadence: p.cadence,
  weekday: p.weekday,
  localTime: p.localTime,
  timezone: p.timezone,
  anchorOn: p.anchorOn,
  endsOn: p.endsOn,
  flaggedAt: p.flaggedAt,
  createdAt: p.createdAt,
  endedAt: p.endedAt,
  endedReason: p.endedReason,
  buddyName: names.buddyName,
  volunteerContact: names.contact,
  people: names.people,
});

export const toRequestView = (r: BuddyRequest): BuddyRequestView => ({
  id: r.id,
  volunteerId: r.volunteerId,
  phase: r.phase,
  languages: r.languages,
  preferredKind: r.preferredKind,
  channel: r.channel,
  skypeHandle: r.skypeHandle,
  timezone: r.timezone,
  callWindows: r.callWindows.map(weeklyWindowToText),
  status: r.status,
  createdAt: r.createdAt,
});
