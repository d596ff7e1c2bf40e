import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { MEMBERSHIP_BODIES, MODALITIES } from '../people.types';
import type { MembershipBody, Modality } from '../people.types';
import { ContactInput, LANGUAGES_MAX, trimmed } from './contact.dto';
import { AreLanguageCodes, MEMBERSHIP_NUMBER } from './validators';

/** The longest bio, in characters. */
export const BIO_MAX = 600;

/** `PUT /v1/me/profile` for a therapist: replaces the profile (omitted numbers take defaults). */
export class TherapistProfileInput extends ContactInput {
  @IsIn(MEMBERSHIP_BODIES)
  membershipBody!: MembershipBody;

  /** BACP or UKCP membership/registration number: 4 to 10 digits. */
  @IsString()
  @Matches(MEMBERSHIP_NUMBER, { message: 'membershipNumber must be 4 to 10 digits' })
  membershipNumber!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(MODALITIES, { each: true })
  modalities!: Modality[];

  /** Where in-person sessions happen; required when modalities include in_person. */
  @ValidateIf(
    (o: TherapistProfileInput) => o.town != null || !!o.modalities?.includes?.('in_person'),
  )
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  town?: string | null;

  /** ISO 639-1 codes, e.g. ["en", "ar"]. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LANGUAGES_MAX)
  @ArrayUnique()
  @AreLanguageCodes()
  languages!: string[];

  /** Minutes per session, 15 to 180 (default 50). */
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(180)
  sessionMinutes?: number;

  /** Free sessions offered per calendar month, 0 to 60 (default 2). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  monthlyCapacity?: number;

  /** Hours of notice needed before a session, 0 to 720 (default 24). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  minimumNoticeHours?: number;

  /** Minutes kept free between sessions, 0 to 240 (default 10). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferMinutes?: number;

  /** As the therapist describes it; volunteers may ask for a gender. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  gender?: string | null;

  /** A few words volunteers read when they choose someone: plain text, 600 characters at most. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(BIO_MAX, { message: `Write at most ${BIO_MAX} characters about you` })
  bio?: string | null;

  /**
   * Your own link for video sessions (https only), e.g. your Zoom or Jitsi room. Volunteers see it
   * on their booked session; without one, the service's room is used where one is configured.
   */
  @IsOptional()
  @Transform(trimmed)
  @IsUrl(
    { protocols: ['https'], require_protocol: true },
    {
      message:
        'Enter a meeting link that starts with https://, for example https://meet.jit.si/your-room',
    },
  )
  @MaxLength(500)
  meetingUrl?: string | null;

  /** Where in-person sessions happen; shown only to a volunteer with a session booked with you. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  address?: string | null;
}
