import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIanaZone, IsInstant } from '../../common/validators';
import { PageQuery } from '../../common/pagination';
import type { Wellbeing } from '../checkin.entity';
import { OnlyWhenCompleted } from './validators';

export class OutcomeDto {
  @IsIn(['completed', 'missed'])
  status!: 'completed' | 'missed';

  /** How the volunteer seemed; only for a completed call. `concern` alerts safeguarding. */
  @IsOptional()
  @IsIn(['ok', 'concern'])
  @OnlyWhenCompleted()
  wellbeing?: Wellbeing;

  /** The buddy's private note (coordinators can read it). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RescheduleDto {
  /** The new start, an instant with its offset. */
  @IsInstant()
  startsAt!: string;
}

export class CheckinsQuery extends PageQuery {
  /** Start of the range (instant with offset); default now. */
  @IsOptional()
  @IsInstant()
  from?: string;

  /** End of the range (exclusive); default the planning horizon after `from`; at most 92 days. */
  @IsOptional()
  @IsInstant()
  to?: string;

  /** Zone to show times in; default your account's. */
  @IsOptional()
  @IsIanaZone()
  tz?: string;
}

export class TzQuery {
  @IsOptional()
  @IsIanaZone()
  tz?: string;
}
