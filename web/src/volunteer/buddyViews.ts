import type { Schemas } from '../api/client';

/** The one place the volunteer's buddy pages read times and reasons from the API. */

/** An instant and the zone a person sees it in. */
export interface Zoned {
  utc: string;
  timezone: string;
}

/** A call's start as the volunteer and as the buddy see it. */
export function callTime(call: Schemas['CheckinView']): { mine: Zoned; buddy: Zoned } {
  return {
    mine: call.volunteerTime,
    buddy: call.buddyTime,
  };
}

/** A stretch when both are free: its start, and its start and end on the volunteer's clock. */
export function overlapTime(
  overlap: Schemas['OverlapView'],
  myZone: string,
  buddyZone: string,
): { mine: Zoned; buddy: Zoned; myLocalStart: string } {
  return {
    mine: { utc: overlap.start, timezone: myZone },
    buddy: { utc: overlap.start, timezone: buddyZone },
    myLocalStart: overlap.volunteerStart,
  };
}

/** Why a buddy ranks where it does, one sentence each. */
export function matchReasons(match: Schemas['BuddyMatchView']): string[] {
  return match.reasons.map((r) => r.detail);
}
