import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataRights, PersonalDataPart } from '../common/data-rights.service';
import { BuddyProfile } from './buddy-profile.entity';
import { Deployment } from './deployment.entity';
import { byStart } from './profile.view';
import { TherapistPhoto } from './therapist-photo.entity';
import { TherapistProfile } from './therapist-profile.entity';
import { VettingService } from './vetting/vetting.service';
import { VolunteerProfile } from './volunteer-profile.entity';

/**
 * The people module's share of export and erasure. Erasure removes the profiles and deployments
 * outright (nothing in them is needed once the person has gone), takes the person out of
 * matching, and deletes the evidence and reasons behind their vetting decisions; the decisions
 * themselves (ids, statuses, dates) stay as the safeguarding record.
 */
@Injectable()
export class PeopleDataPart implements PersonalDataPart, OnModuleInit {
  readonly name = 'profile';

  constructor(
    private readonly dataRights: DataRights,
    private readonly vetting: VettingService,
  ) {}

  onModuleInit(): void {
    this.dataRights.register(this);
  }

  async export(userId: string, em: EntityManager): Promise<unknown> {
    const volunteer = await em.findOneBy(VolunteerProfile, { accountId: userId });
    const deployments = await em.findBy(Deployment, { volunteerId: userId });
    const therapist = await em.findOneBy(TherapistProfile, { accountId: userId });
    const photo = await em.findOneBy(TherapistPhoto, { accountId: userId });
    const buddy = await em.findOneBy(BuddyProfile, { accountId: userId });
    const vetting = await this.vetting.current(userId, em);
    return {
      volunteer: volunteer && { ...volunteer, deployments: deployments.sort(byStart) },
      therapist,
      therapistPhoto: photo && {
        contentType: photo.contentType,
        base64: photo.bytes.toString('base64'),
        updatedAt: photo.updatedAt,
      },
      buddy,
      vetting: vetting && {
        ...vetting,
        history: await this.vetting.history(userId, em),
      },
    };
  }

  async erase(userId: string, em: EntityManager): Promise<void> {
    await this.vetting.withdraw(userId, em);
    await em.delete(Deployment, { volunteerId: userId });
    await em.delete(VolunteerProfile, { accountId: userId });
    await em.delete(TherapistProfile, { accountId: userId });
    await em.delete(BuddyProfile, { accountId: userId });
  }
}
