import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsISO6391,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsAfterStart, IsIanaZone, IsLocalTime } from '../../common/validators';
import { BUDDY_KINDS, type BuddyKind } from '../../people/people.types';
import type { BuddyPhase, CallChannel } from '../buddy-request.entity';
import { OnlyWithSkype } from './validators';

export class CallWindowDto {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: number;

  /** HH:mm on the volunteer's clock. */
  @IsLocalTime()
  start!: string;

  /** HH:mm (or 24:00), later than start. */
  @IsLocalTime(true)
  @IsAfterStart()
  end!: string;
}

/** Skype names: 6-32 characters from a letter, or a `live:` id. */
export const SKYPE_HANDLE = /^(live:[A-Za-z0-9._-]{1,64}|[A-Za-z][A-Za-z0-9.,_-]{5,31})$/;

export class CreateBuddyRequestDto {
  /** `deployed` (in the camps) or `returned`; defaults to the phase your deployments show. */
  @IsOptional()
  @IsIn(['deployed', 'returned'])
  phase?: BuddyPhase;

  /** ISO 639-1 codes; defaults to your profile's languages. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsISO6391({ each: true, message: 'languages must be ISO 639-1 codes such as en or el' })
  languages?: string[];

  @IsOptional()
  @IsIn(BUDDY_KINDS)
  preferredKind?: BuddyKind;

  /** How the buddy calls you. */
  @IsIn(['phone', 'skype'])
  channel!: CallChannel;

  /** Required with channel `skype`, refused otherwise. */
  @ValidateIf((o: CreateBuddyRequestDto) => o.channel === 'skype' || o.skypeHandle !== undefined)
  @OnlyWithSkype()
  @Matches(SKYPE_HANDLE, {
    message: 'skypeHandle must be a Skype name (6-32 characters) or live: id',
  })
  skypeHandle?: string;

  /** The zone your call windows are written in; defaults to your account's. */
  @IsOptional()
  @IsIanaZone()
  timezone?: string;

  /** When you can take calls, in your zone. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(28)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CallWindowDto)
  callWindows!: CallWindowDto[];
}
