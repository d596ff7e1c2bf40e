export enum SessionStatus {
  Booked = 'booked',
  Completed = 'completed',
  NoShow = 'no_show',
  Cancelled = 'cancelled',
}

/** Statuses that use up a volunteer's session (the one-session rule counts these). */
export const USED_STATUSES = [SessionStatus.Booked, SessionStatus.Completed, SessionStatus.NoShow];
