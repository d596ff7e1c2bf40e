export class SessionGrantView {
  volunteerId!: string;
  /** The n-th grant for this volunteer. */
  grantNo!: number;
  reason!: string;
  grantedBy!: string;
  grantedAt!: string;
}
