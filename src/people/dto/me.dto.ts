import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { AccountDto } from '../../identity/dto/register.dto';
import { VETTING_STATUSES } from '../people.types';
import type { VettingStatus } from '../people.types';
import { BuddyProfileDto } from './buddy-profile.dto';
import { TherapistProfileDto } from './therapist-profile.dto';
import { VettingDecisionDto } from '../vetting/vetting.dto';
import { VolunteerProfileDto } from './volunteer-profile.dto';

export type ProfileDto = VolunteerProfileDto | TherapistProfileDto | BuddyProfileDto;

/** The account, the role's profile (null until first saved) and, for the vetted, their vetting. */
@ApiExtraModels(VolunteerProfileDto, TherapistProfileDto, BuddyProfileDto)
export class MeDto extends AccountDto {
  @ApiProperty({
    nullable: true,
    oneOf: [
      { $ref: getSchemaPath(VolunteerProfileDto) },
      { $ref: getSchemaPath(TherapistProfileDto) },
      { $ref: getSchemaPath(BuddyProfileDto) },
    ],
  })
  profile!: ProfileDto | null;

  /** Therapists and buddies only. */
  @ApiProperty({ enum: VETTING_STATUSES, required: false })
  vettingStatus?: VettingStatus;

  /** Therapists and buddies only: the first day (UTC) the vetting no longer holds. */
  @ApiProperty({ type: String, nullable: true, required: false, example: '2027-06-01' })
  vettingExpiresOn?: string | null;
}

/** What a coordinator sees of one person: as `GET /v1/me`, plus the vetting history. */
export class PersonDto extends MeDto {
  /** Oldest first; empty for volunteers and coordinators. */
  vettingHistory!: VettingDecisionDto[];
}
