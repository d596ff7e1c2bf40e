import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget } from 'typeorm';
import { Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { NotFoundError } from '../common/domain-error';
import { AccountView, IdentityService } from '../identity/identity.service';

import { BuddyProfile } from './buddy-profile.entity';
import type {
  BuddyProfileView,
  TherapistProfileView,
  LocalDate,
  VettedRole,
  VettingState,
  VolunteerProfileView,
} from './people.types';
import { derivePhase } from './phase';
import { ProfilesRepository } from './profiles.repository';
import { TherapistProfile } from './therapist-profile.entity';
import { Vetting } from './vetting/vetting.entity';
import { utcDate } from './vetting/vetting-clock';
import { VettingRepository } from './vetting/vetting.repository';
import { localToday } from '../common/time/wall-clock';

/**
 * What the rest of the service asks about people: who may be matched, and the profiles that
 * matching, sessions and pairings need. Pass the transaction's manager to read inside it.
 */
@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesRepository,
    private readonly vettingRepo: VettingRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * THE matchable rule: verified, not suspended, and vetting not expired at `Clock.now()` (even
   * before the daily job has marked it). Answers the ids among `candidateIds` (all when omitted).
   */
  async matchableIds(
    role: VettedRole,
    candidateIds?: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    return this.vettingRepo.verifiedIds(role, utcDate(this.clock.now()), candidateIds ?? null, em);
  }

  /** Profiles of the therapists among `ids` (unknown, erased or profile-less ids are left out). */
  async therapistProfiles(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<TherapistProfileView[]> {
    return this.vettedProfiles(
      TherapistProfile,
      ids,
      (p, account, vetting) => ({
        userId: p.accountId,
        name: account.name,
        bio: p.bio,
        timezone: account.timezone,
        membershipBody: p.membershipBody,
        sessionMinutes: p.sessionMinutes,
        minimumNoticeHours: p.minimumNoticeHours,
        bufferMinutes: p.bufferMinutes,
        monthlyCapacity: p.monthlyCapacity,
        modalities: p.modalities,
        languages: p.languages,
        gender: p.gender,
        town: p.town,
        meetingUrl: p.meetingUrl,
        address: p.address,
        ...vetting,
      }),
      em,
    );
  }

  /** Profiles of the buddies among `ids` (unknown, erased or profile-less ids are left out). */
  async buddyProfiles(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<BuddyProfileView[]> {
    return this.vettedProfiles(
      BuddyProfile,
      ids,
      (p, account, vetting) => ({
        userId: p.accountId,
        name: account.name,
        kind: p.kind,
        languages: p.languages,
        timezone: account.timezone,
        maxActivePairings: p.maxActivePairings,
        ...vetting,
      }),
      em,
    );
  }

  /**
   * The therapist's profile if they may be booked now, else null: the matchable rule of
   * `matchableIds`, applied to the vetting read with the profile (two queries, not four).
   */
  async bookableTherapist(
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TherapistProfileView | null> {
    const [profile] = await this.therapistProfiles([id], em);
    return profile && isMatchableOn(profile, utcDate(this.clock.now())) ? profile : null;
  }

  /** Profiles with their vetting, and live accounts, of `ids`: two queries whatever their number. */
  private async vettedProfiles<P extends { accountId: string }, V>(
    entity: EntityTarget<P>,
    ids: string[],
    view: (profile: P, account: AccountView, vetting: VettingState) => V,
    em: EntityManager,
  ): Promise<V[]> {
    if (ids.length === 0) return [];
    const rows = await this.profiles.findManyWithVetting(entity, ids, em);
    const accounts = await this.identity.getMany(ids, em);
    return rows.flatMap(({ profile, vetting }) => {
      const account = accounts.get(profile.accountId);
      return account ? [view(profile, account, stateOf(vetting))] : [];
    });
  }

  /**
   * A volunteer's languages and phase on their own calendar date now. A volunteer who has not
   * filled in a profile yet is `preparing` with no languages. 404 if `id` is not a volunteer.
   */
  async volunteerProfile(
    id: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<VolunteerProfileView> {
    const account = await this.identity.get(id, em);
    if (account.role !== Role.Volunteer) throw new NotFoundError('volunteer');
    const profile = await this.profiles.findVolunteer(id, em);
    const deployments = await this.profiles.deploymentsOf(id, em);
    return {
      userId: id,
      languages: profile?.languages ?? [],
      timezone: account.timezone,
      ...derivePhase(deployments, localToday(this.clock.now(), account.timezone)),
    };
  }
}

/** A person with a profile but no vetting row yet has not been looked at: `pending`. */
export function vettingOf(rows: Map<string, Vetting>, id: string): VettingState {
  return stateOf(rows.get(id) ?? null);
}

/**
 * THE matchable rule for one vetting state: verified and not expired on `today`. The same rule as
 * `VettingRepository.verifiedIds`' WHERE clause, which applies it to many ids in SQL; change both.
 */
export function isMatchableOn(v: VettingState, today: LocalDate): boolean {
  return (
    v.vettingStatus === 'verified' && v.vettingExpiresOn !== null && v.vettingExpiresOn > today
  );
}

function stateOf(v: Vetting | null): VettingState {
  return { vettingStatus: v?.status ?? 'pending', vettingExpiresOn: v?.expiresOn ?? null };
}
