/** The vocabulary of the people module, shared with the modules that match, book and pair. */

export const VETTING_STATUSES = [
  'pending',
  'verified',
  'suspended',
  'expired',
  'rejected',
] as const;
export type VettingStatus = (typeof VETTING_STATUSES)[number];

export const PHASES = ['preparing', 'deployed', 'returned'] as const;
export type Phase = (typeof PHASES)[number];

export const MODALITIES = ['video', 'phone', 'in_person'] as const;
export type Modality = (typeof MODALITIES)[number];

export const MEMBERSHIP_BODIES = ['BACP', 'UKCP'] as const;
export type MembershipBody = (typeof MEMBERSHIP_BODIES)[number];

export const BUDDY_KINDS = ['therapist', 'humanitarian'] as const;
export type BuddyKind = (typeof BUDDY_KINDS)[number];

export const DBS_LEVELS = ['basic', 'standard', 'enhanced'] as const;
export type DbsLevel = (typeof DBS_LEVELS)[number];

/** The roles whose people are vetted before they may be matched. */
export type VettedRole = 'therapist' | 'buddy';

/** Dates are `YYYY-MM-DD`. */
export type LocalDate = string;

export interface VettingState {
  vettingStatus: VettingStatus;
  /** First day (UTC) on which the vetting no longer holds; null until verified. */
  vettingExpiresOn: LocalDate | null;
}

export interface TherapistProfileView extends VettingState {
  userId: string;
  /** The name volunteers see when choosing (not contact details). */
  name: string;
  bio: string | null;
  timezone: string;
  membershipBody: MembershipBody;
  sessionMinutes: number;
  minimumNoticeHours: number;
  bufferMinutes: number;
  monthlyCapacity: number;
  modalities: Modality[];
  languages: string[];
  gender: string | null;
  /** Where in-person sessions happen; required when `in_person` is offered. */
  town: string | null;
  /** The therapist's own video link (https), for their booked sessions only. */
  meetingUrl: string | null;
  /** The in-person address, for their booked sessions only. */
  address: string | null;
}

export interface BuddyProfileView extends VettingState {
  userId: string;
  /** The name volunteers see when choosing (not contact details). */
  name: string;
  kind: BuddyKind;
  languages: string[];
  timezone: string;
  maxActivePairings: number;
}

export interface VolunteerProfileView {
  userId: string;
  languages: string[];
  timezone: string;
  phase: Phase;
  /** End of the latest deployment that has ended; null if none has. */
  returnedOn: LocalDate | null;
  /** Whole weeks since `returnedOn` while `returned`; null otherwise. */
  weeksSinceReturn: number | null;
  /** Planned end of the current deployment while `deployed`; null otherwise. */
  returnsOn: LocalDate | null;
}
