import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class PeopleSearchQuery {
  /** Part of a name or email address, at least 2 characters. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q!: string;

  /** Only people of this role. */
  @IsOptional()
  @IsIn(['volunteer', 'therapist', 'buddy', 'coordinator'])
  role?: 'volunteer' | 'therapist' | 'buddy' | 'coordinator';
}
