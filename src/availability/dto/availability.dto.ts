import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsAfterStart, IsIanaZone, IsLocalDate, IsLocalTime } from '../../common/validators';
import { HasNoOverlaps, NotTogetherWith } from './window.validators';

export class TimeWindowDto {
  /** Wall-clock start, `HH:mm` (00:00-23:59). */
  @IsLocalTime()
  start!: string;

  /** Wall-clock end, `HH:mm`, later than start; `24:00` runs to midnight. */
  @IsLocalTime(true)
  @IsAfterStart()
  end!: string;
}

export class WeeklyWindowDto extends TimeWindowDto {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;
}

export class PutAvailabilityDto {
  /** IANA zone the wall-clock times are in, e.g. Europe/London. */
  @IsIanaZone()
  timezone!: string;

  /** Replaces all weekly windows. Several per weekday are fine; overlapping ones are not. */
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyWindowDto)
  @HasNoOverlaps()
  weekly!: WeeklyWindowDto[];
}

/** What to do with booked sessions that the time off covers. */
export const COVERED_SESSION_CHOICES = ['keep', 'cancel'] as const;
export type CoveredSessionChoice = (typeof COVERED_SESSION_CHOICES)[number];

const IsCoveredSessionChoice = () =>
  IsIn(COVERED_SESSION_CHOICES, { message: 'sessions must be keep or cancel' });

export class AvailabilityExceptionDto {
  /** Local date `YYYY-MM-DD` in your availability zone; replaces any exception already on it. */
  @IsLocalDate()
  date!: string;

  /** `true`: the whole date is unavailable. Give this or `windows`. */
  @ValidateIf(
    (o: AvailabilityExceptionDto) => o.windows === undefined || o.unavailable !== undefined,
  )
  @Equals(true, { message: 'unavailable must be true, or give windows instead' })
  unavailable?: true;

  /** The date's windows, in place of its weekly ones. Give this or `unavailable`. */
  @ValidateIf((o: AvailabilityExceptionDto) => o.windows !== undefined)
  @NotTogetherWith('unavailable')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => TimeWindowDto)
  @HasNoOverlaps()
  windows?: TimeWindowDto[];

  /**
   * Booked sessions this exception leaves outside availability: `keep` them or `cancel` them
   * (each volunteer is told by text). Without it, such sessions answer 409
   * `time-off-covers-sessions` listing them, and nothing changes.
   */
  @IsOptional()
  @IsCoveredSessionChoice()
  sessions?: CoveredSessionChoice;
}

export class TimeOffDto {
  /** First local date off, `YYYY-MM-DD` in your availability zone. */
  @IsLocalDate()
  from!: string;

  /** Last local date off (included); at most 366 days from `from` to `to`. */
  @IsLocalDate()
  to!: string;

  /**
   * Booked sessions inside the time off: `keep` them or `cancel` them (each volunteer is told by
   * text). Without it, such sessions answer 409 `time-off-covers-sessions` listing them, and
   * nothing changes.
   */
  @IsOptional()
  @IsCoveredSessionChoice()
  sessions?: CoveredSessionChoice;
}
