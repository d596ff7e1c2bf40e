import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { VETTING_STATUSES } from './people.types';
import type { VettingStatus } from './people.types';
import { AccountDetailsView } from '../identity/account.view';
import {
  VolunteerProfileDetailsView,
  TherapistProfileDetailsView,
  BuddyProfileDetailsView,
} from './profile.view';
import { VettingDecisionView } from './vetting/vetting.view';

export type ProfileDetailsView =
  VolunteerProfileDetailsView | TherapistProfileDetailsView | BuddyProfileDetailsView;

/** The account, the role's profile (null until first saved) and, for the vetted, their vetting. */
@ApiExtraModels(VolunteerProfileDetailsView, TherapistProfileDetailsView, BuddyProfileDetailsView)
export class MeView extends AccountDetailsView {
  @ApiProperty({
    nullable: true,
    oneOf: [
      { $ref: getSchemaPath(VolunteerProfileDetailsView) },
      { $ref: getSchemaPath(TherapistProfileDetailsView) },
      { $ref: getSchemaPath(BuddyProfileDetailsView) },
    ],
  })
  profile!: ProfileDetailsView | null;

  /** Therapists and buddies only. */
  @ApiProperty({ enum: VETTING_STATUSES, required: false })
  vettingStatus?: VettingStatus;

  /** Therapists and buddies only: the first day (UTC) the vetting no longer holds. */
  @ApiProperty({ type: String, nullable: true, required: false, example: '2027-06-01' })
  vettingExpiresOn?: string | null;

  /** Therapists and buddies only: why the application was turned down, while it stands rejected. */
  @ApiProperty({ type: String, nullable: true, required: false })
  vettingRejectedReason?: string | null;
}

/** What a coordinator sees of one person: as `GET /v1/me`, plus the vetting history. */
export class PersonView extends MeView {
  /** Oldest first; empty for volunteers and coordinators. */
  vettingHistory!: VettingDecisionView[];
}
