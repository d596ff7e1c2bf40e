export enum SessionStatus {
  Booked = 'booked',
  Completed = 'completed',
  NoShow = 'no_show',
  Cancelled = 'cancelled',
}

/** The volunteer's answer to a session text: `YES` confirms, `NO` says they cannot attend. */
export type Attendance = 'confirmed' | 'cannot_attend';
