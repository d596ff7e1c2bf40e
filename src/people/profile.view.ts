import { BuddyProfile } from './buddy-profile.entity';
import { Deployment } from './deployment.entity';
import { BuddyProfileDetailsView } from './dto/buddy-profile.dto';
import { TherapistProfileDetailsView } from './dto/therapist-profile.dto';
import { VolunteerProfileDetailsView } from './dto/volunteer-profile.dto';
import type { LocalDate } from './people.types';
import { derivePhase } from './phase';
import { TherapistProfile } from './therapist-profile.entity';
import { VolunteerProfile } from './volunteer-profile.entity';

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

export const toTherapistProfileDetailsView = (p: TherapistProfile): TherapistProfileDetailsView => ({
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
