import { BuddyProfile } from './buddy-profile.entity';
import { Deployment } from './deployment.entity';
import type {
  LocalDate,
  Phase,
  MembershipBody,
  Modality,
  BuddyKind,
  DbsLevel,
} from './people.types';
import { derivePhase } from './phase';
import { TherapistProfile } from './therapist-profile.entity';
import { VolunteerProfile } from './volunteer-profile.entity';

export class DbsView {
  level!: DbsLevel;
  certificateNumber!: string;
  issuedOn!: string;
  updateService!: boolean;
}

export class BuddyProfileDetailsView {
  kind!: BuddyKind;
  languages!: string[];
  maxActivePairings!: number;
  dbs!: DbsView;
  membershipBody!: MembershipBody | null;
  membershipNumber!: string | null;
}

export class TherapistProfileDetailsView {
  membershipBody!: MembershipBody;
  membershipNumber!: string;
  modalities!: Modality[];
  town!: string | null;
  languages!: string[];
  sessionMinutes!: number;
  monthlyCapacity!: number;
  minimumNoticeHours!: number;
  bufferMinutes!: number;
  gender!: string | null;
  bio!: string | null;
  /** The therapist's own link for video sessions (https). */
  meetingUrl!: string | null;
  /** Where in-person sessions happen; shared only with a volunteer once booked. */
  address!: string | null;
  /** A photo is saved (`PUT /v1/me/photo`); volunteers see it when they choose. */
  hasPhoto!: boolean;
}

export class DeploymentView {
  location!: string;
  country!: string;
  startsOn!: string;
  endsOn!: string;
}

export class VolunteerProfileDetailsView {
  preferredName!: string | null;
  languages!: string[];
  organisation!: string | null;
  deployments!: DeploymentView[];
  /** Derived from the deployments on the volunteer's own calendar date. */
  phase!: Phase;
  /** Last day of the latest deployment that has ended. */
  returnedOn!: string | null;
  /** Whole weeks since returnedOn, while returned. */
  weeksSinceReturn!: number | null;
  /** Planned last day of the current deployment, while deployed. */
  returnsOn!: string | null;
}

export const byStart = (a: Deployment, b: Deployment) => a.startsOn.localeCompare(b.startsOn);

export const toVolunteerProfileDetailsView = (
  p: VolunteerProfile,
  deployments: Deployment[],
  today: LocalDate,
): VolunteerProfileDetailsView => ({
  preferredName: p.preferredName,
  languages: p.languages,
  organisation: p.organisation,
  deployments: [...deployments]
    .sort(byStart)
    .map(({ location, country, startsOn, endsOn }) => ({ location, country, startsOn, endsOn })),
  ...derivePhase(deployments, today),
});

export const toTherapistProfileDetailsView = (
  p: TherapistProfile,
  hasPhoto: boolean,
): TherapistProfileDetailsView => ({
  membershipBody: p.membershipBody,
  membershipNumber: p.membershipNumber,
  modalities: p.modalities,
  town: p.town,
  languages: p.languages,
  sessionMinutes: p.sessionMinutes,
  monthlyCapacity: p.monthlyCapacity,
  minimumNoticeHours: p.minimumNoticeHours,
  bufferMinutes: p.bufferMinutes,
  gender: p.gender,
  bio: p.bio,
  meetingUrl: p.meetingUrl,
  address: p.address,
  hasPhoto,
});

export const toBuddyProfileDetailsView = (p: BuddyProfile): BuddyProfileDetailsView => ({
  kind: p.kind,
  languages: p.languages,
  maxActivePairings: p.maxActivePairings,
  dbs: {
    level: p.dbsLevel,
    certificateNumber: p.dbsCertificateNumber,
    issuedOn: p.dbsIssuedOn,
    updateService: p.dbsUpdateService,
  },
  membershipBody: p.membershipBody,
  membershipNumber: p.membershipNumber,
});
