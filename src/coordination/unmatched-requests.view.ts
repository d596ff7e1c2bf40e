export class UnmatchedRequestsView {
  /** Requests made before this instant count (seven days before now). */
  olderThan!: Date;
  /** Session requests with no session booked from them. */
  sessionRequests!: number;
  /** Buddy requests with no pairing made from them. */
  buddyRequests!: number;
}
