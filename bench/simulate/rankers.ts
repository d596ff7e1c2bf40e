/**
 * The simulation's only door into the service: the two pure rankers and the window expansion they
 * are fed with. When the rankers move (src/matching/), only these paths change.
 */
export { rankTherapists } from '../../src/sessions/rank-therapists';
export type { MatchCandidate } from '../../src/sessions/rank-therapists';
export { rankBuddies } from '../../src/checkins/buddy-ranking';
export type { BuddyCandidate, BuddyKind } from '../../src/checkins/buddy-ranking';
export { expandWeekly, intersect } from '../../src/checkins/call-windows';
export type { Interval, WeeklyWindow } from '../../src/checkins/call-windows';
