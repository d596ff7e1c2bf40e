export enum SessionStatus {
  Booked = 'booked',
  Completed = 'completed',
  NoShow = 'no_show',
  Cancelled = 'cancelled',
}
