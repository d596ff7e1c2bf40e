import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateSessionGrantDto {
  /** Why the volunteer may have a further session (kept with the grant, not in the audit trail). */
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}

export class SessionGrantView {
  volunteerId!: string;
  /** The n-th grant for this volunteer. */
  grantNo!: number;
  reason!: string;
  grantedBy!: string;
  grantedAt!: string;
}
