import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { requireDateInSpan } from '../common/time-range';
import { isExclusionViolation } from '../common/pg-errors';
import { ValidationFailedException } from '../common/problem';
import { ConflictError } from '../common/domain-error';

import { toAccountDetailsView } from '../identity/account.view';
import { AccountView, IdentityService } from '../identity/identity.service';
import { AccountNamesInput } from './dto/account-names.dto';
import { BuddyProfileInput } from './dto/buddy-profile.dto';
import { MeView, PersonView, ProfileDetailsView } from './me.view';
import { ProfileInput, ProfileRole } from './dto/profile-input.dto';
import { TherapistProfileInput } from './dto/therapist-profile.dto';
import { VolunteerProfileInput } from './dto/volunteer-profile.dto';
import { localToday } from '../common/time/wall-clock';
import {
  toBuddyProfileDetailsView,
  toTherapistProfileDetailsView,
  toVolunteerProfileDetailsView,
} from './profile.view';
import { ProfilesRepository } from './profiles.repository';
import { VettingService } from './vetting/vetting.service';

/** A person's own profile (`/v1/me`) and the coordinator's view of anyone (`/v1/people/{id}`). */
@Injectable()
export class ProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identity: IdentityService,
    private readonly profiles: ProfilesRepository,
    private readonly vetting: VettingService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Replaces the caller's profile, and the contact fields given, in one transaction. */
  async save(actor: Actor & { role: ProfileRole }, input: ProfileInput): Promise<MeView> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const account = await this.updateContact(actor, input, em);
        if (actor.role === Role.Volunteer) {
          await this.saveVolunteer(actor, input as VolunteerProfileInput, em);
        } else if (actor.role === Role.Therapist) {
          await this.saveTherapist(actor, input as TherapistProfileInput, em);
        } else {
          await this.saveBuddy(actor, account, input as BuddyProfileInput, em);
        }
        await this.audit.record(
          {
            actor,
            action: 'profile.updated',
            target: { type: 'account', id: actor.id },
            details: { role: actor.role },
          },
          em,
        );
        return this.describe(actor.id, em);
      });
    } catch (error) {
      if (isExclusionViolation(error, 'volunteer_deployment_no_overlap')) {
        throw new ValidationFailedException([
          { field: 'deployments', message: 'deployments must not overlap one another' },
        ]);
      }
      throw error;
    }
  }

  /** Changes the names given (`PATCH /v1/me/account`) in one transaction, audited. */
  async rename(actor: Actor, input: AccountNamesInput): Promise<MeView> {
    const { name, preferredName } = input;
    if (preferredName !== undefined && actor.role !== Role.Volunteer) {
      throw new ValidationFailedException([
        { field: 'preferredName', message: 'Only volunteers have a preferred name here.' },
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      if (preferredName !== undefined) {
        const saved = await this.profiles.setPreferredName(
          actor.id,
          preferredName,
          this.clock.now(),
          em,
        );
        if (!saved) {
          throw new ConflictError(
            'profile-missing',
            'Fill in your profile first; you can then choose the name we call you.',
          );
        }
      }
      if (name !== undefined) await this.identity.updateContact(actor.id, { name }, em);
      await this.audit.record(
        {
          actor,
          action: 'profile.updated',
          target: { type: 'account', id: actor.id },
          details: { role: actor.role },
        },
        em,
      );
      return this.describe(actor.id, em);
    });
  }

  /** The account, the role's profile with derived values, and for the vetted their vetting. */
  async describe(accountId: string, em: EntityManager = this.dataSource.manager): Promise<MeView> {
    const account = await this.identity.get(accountId, em);
    const me: MeView = {
      ...toAccountDetailsView(account),
      profile: await this.profileOf(account, em),
    };
    if (account.role === Role.Therapist || account.role === Role.Buddy) {
      const v = await this.vetting.current(account.id, em);
      me.vettingStatus = v?.status ?? 'pending';
      me.vettingExpiresOn = v?.expiresOn ?? null;
      me.vettingRejectedReason = await this.vetting.rejectionReason(v, em);
    }
    return me;
  }

  /** A coordinator reads one person's record: audited. */
  async person(coordinator: Actor, userId: string): Promise<PersonView> {
    return this.dataSource.transaction(async (em) => {
      const person = await this.describe(userId, em);
      const vettingHistory = await this.vetting.history(userId, em);
      await this.audit.recordRead(coordinator, 'person.read', [userId], em);
      return { ...person, vettingHistory };
    });
  }

  private async profileOf(
    account: AccountView,
    em: EntityManager,
  ): Promise<ProfileDetailsView | null> {
    const accountId = account.id;
    switch (account.role) {
      case Role.Volunteer: {
        const p = await this.profiles.findVolunteer(accountId, em);
        if (!p) return null;
        const deployments = await this.profiles.deploymentsOf(accountId, em);
        const today = localToday(this.clock.now(), account.timezone);
        return toVolunteerProfileDetailsView(p, deployments, today);
      }
      case Role.Therapist: {
        const p = await this.profiles.findTherapist(accountId, em);
        if (!p) return null;
        const photos = await this.profiles.withPhotos([accountId], em);
        return toTherapistProfileDetailsView(p, photos.has(accountId));
      }
      case Role.Buddy: {
        const p = await this.profiles.findBuddy(accountId, em);
        return p ? toBuddyProfileDetailsView(p) : null;
      }
      default:
        return null;
    }
  }

  private async updateContact(actor: Actor, input: ProfileInput, em: EntityManager) {
    const { name, phone, timezone } = input;
    if (name === undefined && phone === undefined && timezone === undefined) {
      return this.identity.get(actor.id, em);
    }
    return this.identity.updateContact(actor.id, { name, phone, timezone }, em);
  }

  private async saveVolunteer(actor: Actor, input: VolunteerProfileInput, em: EntityManager) {
    const now = this.clock.now();
    input.deployments.forEach((d, i) => {
      requireDateInSpan(now, `deployments.${i}.startsOn`, d.startsOn);
      requireDateInSpan(now, `deployments.${i}.endsOn`, d.endsOn);
    });
    await this.profiles.saveVolunteer(
      {
        accountId: actor.id,
        preferredName: input.preferredName ?? null,
        languages: input.languages,
        organisation: input.organisation ?? null,
        updatedAt: this.clock.now(),
      },
      em,
    );
    await this.profiles.replaceDeployments(actor.id, input.deployments, em);
  }

  private async saveTherapist(actor: Actor, input: TherapistProfileInput, em: EntityManager) {
    const vetting = await this.vetting.openForProfile(actor, 'therapist', em);
    const before = await this.profiles.findTherapist(actor.id, em);
    await this.profiles.saveTherapist(
      {
        accountId: actor.id,
        membershipBody: input.membershipBody,
        membershipNumber: input.membershipNumber,
        modalities: input.modalities,
        town: input.town ?? null,
        languages: input.languages,
        sessionMinutes: input.sessionMinutes ?? 50,
        monthlyCapacity: input.monthlyCapacity ?? 2,
        minimumNoticeHours: input.minimumNoticeHours ?? 24,
        bufferMinutes: input.bufferMinutes ?? 10,
        gender: input.gender ?? null,
        bio: input.bio || null,
        meetingUrl: input.meetingUrl ?? null,
        address: input.address ?? null,
        updatedAt: this.clock.now(),
      },
      em,
    );
    const vettedFactsChanged =
      before !== null &&
      (before.membershipBody !== input.membershipBody ||
        before.membershipNumber !== input.membershipNumber);
    if (vettedFactsChanged) await this.vetting.resubmit(actor, vetting, em);
  }

  private async saveBuddy(
    actor: Actor,
    account: AccountView,
    input: BuddyProfileInput,
    em: EntityManager,
  ) {
    if (input.dbs.issuedOn > localToday(this.clock.now(), account.timezone)) {
      throw new ValidationFailedException([
        { field: 'dbs.issuedOn', message: 'dbs.issuedOn must not be in the future' },
      ]);
    }
    const vetting = await this.vetting.openForProfile(actor, 'buddy', em);
    const before = await this.profiles.findBuddy(actor.id, em);
    const therapist = input.kind === 'therapist';
    const after = {
      accountId: actor.id,
      kind: input.kind,
      languages: input.languages,
      maxActivePairings: input.maxActivePairings ?? 2,
      dbsLevel: input.dbs.level,
      dbsCertificateNumber: input.dbs.certificateNumber,
      dbsIssuedOn: input.dbs.issuedOn,
      dbsUpdateService: input.dbs.updateService,
      membershipBody: therapist ? (input.membershipBody ?? null) : null,
      membershipNumber: therapist ? (input.membershipNumber ?? null) : null,
    };
    await this.profiles.saveBuddy({ ...after, updatedAt: this.clock.now() }, em);
    const vetted = [
      'kind',
      'dbsLevel',
      'dbsCertificateNumber',
      'dbsIssuedOn',
      'membershipBody',
      'membershipNumber',
    ] as const;
    if (before && vetted.some((k) => before[k] !== after[k])) {
      await this.vetting.resubmit(actor, vetting, em);
    }
  }
}
