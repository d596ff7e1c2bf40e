/**
 * The simulation's only door into the service: the two pure rankers and the window expansion they
 * are fed with.
 */
export { FAIRNESS_MONTHS, rankBuddies, rankTherapists } from '../../src/matching/matching';
export type { BuddyCandidate, MatchCandidate } from '../../src/matching/matching';
export type { BuddyKind } from '../../src/people/people.types';
export { expandWeekly } from '../../src/common/time/weekly-window';
export type { WeeklyWindow } from '../../src/common/time/weekly-window';
export { intersect, minutesOf } from '../../src/common/time/interval';
export type { Interval } from '../../src/common/time/interval';
