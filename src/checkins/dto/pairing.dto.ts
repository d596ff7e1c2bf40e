import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { IsIanaZone, IsLocalDate, IsLocalTime } from '../../common/validators';
import type { Cadence } from '../call-plan';

export class CallPlanDto {
  @IsIn(['weekly', 'fortnightly'])
  cadence!: Cadence;

  /** ISO weekday of the call: 1 = Monday ... 7 = Sunday. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  /** HH:mm on the volunteer's clock; the call stays at this local time across DST changes. */
  @IsLocalTime()
  localTime!: string;
}

export class CreatePairingDto extends CallPlanDto {
  @IsUUID()
  requestId!: string;

  @IsUUID()
  buddyId!: string;

  /** IANA zone of `localTime`: normally the volunteer's. */
  @IsIanaZone()
  timezone!: string;

  /** Last date of calls (YYYY-MM-DD, in `timezone`); defaults to some weeks after the volunteer's return. */
  @IsOptional()
  @IsLocalDate()
  endsOn?: string;
}

export class ReplanDto extends CallPlanDto {
  /** A new zone for `localTime`, e.g. once the volunteer is home; defaults to the current one. */
  @IsOptional()
  @IsIanaZone()
  timezone?: string;

  /** A new last date of calls (YYYY-MM-DD); defaults to the current one. */
  @IsOptional()
  @IsLocalDate()
  endsOn?: string;
}

export class EndPairingDto {
  /** Why the pairing ends; seen by the other person and coordinators. */
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class PairingsQuery extends PageQuery {
  /** Only active or only ended pairings. */
  @IsOptional()
  @IsIn(['active', 'ended'])
  status?: 'active' | 'ended';
}
