import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BUDDY_KINDS, DBS_LEVELS, MEMBERSHIP_BODIES } from '../people.types';
import type { BuddyKind, DbsLevel, MembershipBody } from '../people.types';
import { ContactInput, LANGUAGES_MAX } from './contact.dto';
import { IsLocalDate } from '../../common/validators';
import { AreLanguageCodes, MEMBERSHIP_NUMBER, OnlyWhen } from './validators';

export class DbsInput {
  @IsIn(DBS_LEVELS)
  level!: DbsLevel;

  /** The 12-digit number printed on the DBS certificate. */
  @IsString()
  @Matches(/^\d{12}$/, { message: 'certificateNumber must be exactly 12 digits' })
  certificateNumber!: string;

  /** Date of issue, YYYY-MM-DD (not in the future). */
  @IsLocalDate()
  issuedOn!: string;

  /** Whether the certificate is kept up to date through the DBS Update Service. */
  @IsBoolean()
  updateService!: boolean;
}

const isTherapistBuddyField =
  (field: 'membershipBody' | 'membershipNumber') => (o: BuddyProfileInput) =>
    o.kind === 'therapist' || o[field] !== undefined;

/** `PUT /v1/me/profile` for a buddy: replaces the profile. */
export class BuddyProfileInput extends ContactInput {
  /** A volunteer psychological therapist, or an experienced former humanitarian worker. */
  @IsIn(BUDDY_KINDS)
  kind!: BuddyKind;

  /** ISO 639-1 codes, e.g. ["en", "el"]. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES_MAX)
  @ArrayUnique()
  @AreLanguageCodes()
  languages!: string[];

  /** Volunteers paired at once, 0 to 20 (default 2). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(20)
  maxActivePairings?: number;

  /** Required: a buddy is vetted on it. */
  @IsObject()
  @ValidateNested()
  @Type(() => DbsInput)
  dbs!: DbsInput;

  /** Buddies of kind therapist only. */
  @ValidateIf(isTherapistBuddyField('membershipBody'))
  @IsIn(MEMBERSHIP_BODIES)
  @OnlyWhen('kind', 'therapist')
  membershipBody?: MembershipBody;

  /** Buddies of kind therapist only: 4 to 10 digits. */
  @ValidateIf(isTherapistBuddyField('membershipNumber'))
  @IsString()
  @Matches(MEMBERSHIP_NUMBER, { message: 'membershipNumber must be 4 to 10 digits' })
  @OnlyWhen('kind', 'therapist')
  membershipNumber?: string;
}
