import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateSessionGrantDto {
  /** Why the volunteer may have a further session (kept with the grant, not in the audit trail). */
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason!: string;
}
