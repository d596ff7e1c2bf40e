import { Vetting } from './vetting/vetting.entity';
import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, FindOptionsWhere, In } from 'typeorm';
import { BuddyProfile } from './buddy-profile.entity';
import { Deployment } from './deployment.entity';
import { TherapistPhoto, type PhotoType } from './therapist-photo.entity';
import { TherapistProfile } from './therapist-profile.entity';
import { VolunteerProfile } from './volunteer-profile.entity';

/** A profile as saved: the database keeps its creation time. */
type Saved<P> = Omit<P, 'account' | 'createdAt'>;

/** A deployment as the volunteer gives it. */
type NewDeployment = Pick<Deployment, 'location' | 'country' | 'startsOn' | 'endsOn'>;

/** The named queries of the profiles; every method runs on the caller's manager. */
@Injectable()
export class ProfilesRepository {
  findVolunteer(accountId: string, em: EntityManager): Promise<VolunteerProfile | null> {
    return em.findOneBy(VolunteerProfile, { accountId });
  }

  findTherapist(accountId: string, em: EntityManager): Promise<TherapistProfile | null> {
    return em.findOneBy(TherapistProfile, { accountId });
  }

  findBuddy(accountId: string, em: EntityManager): Promise<BuddyProfile | null> {
    return em.findOneBy(BuddyProfile, { accountId });
  }

  /** The profiles of `entity` belonging to `accountIds`. */
  findMany<P extends { accountId: string }>(
    entity: EntityTarget<P>,
    accountIds: string[],
    em: EntityManager,
  ): Promise<P[]> {
    return em.findBy(entity, { accountId: In(accountIds) } as FindOptionsWhere<P>);
  }

  /**
   * Profiles of `accountIds` with each one's vetting row (null when there is none yet), in one
   * query.
   */
  async findManyWithVetting<P extends { accountId: string }>(
    entity: EntityTarget<P>,
    accountIds: string[],
    em: EntityManager,
  ): Promise<Array<{ profile: P; vetting: Vetting | null }>> {
    const rows = await em
      .createQueryBuilder(entity, 'p')
      .leftJoinAndMapOne('p.vetting', Vetting, 'v', 'v.account_id = p.account_id')
      .where('p.account_id = ANY (:ids::uuid[])', { ids: accountIds })
      .getMany();
    return rows.map((row) => {
      const { vetting, ...profile } = row as P & { vetting?: Vetting | null };
      return { profile: profile as P, vetting: vetting ?? null };
    });
  }

  deploymentsOf(volunteerId: string, em: EntityManager): Promise<Deployment[]> {
    return em.findBy(Deployment, { volunteerId });
  }

  async saveVolunteer(profile: Saved<VolunteerProfile>, em: EntityManager): Promise<void> {
    await em.upsert(VolunteerProfile, profile, ['accountId']);
  }

  /** Sets a saved volunteer profile's preferred name; false when there is no profile yet. */
  async setPreferredName(
    accountId: string,
    preferredName: string | null,
    updatedAt: Date,
    em: EntityManager,
  ): Promise<boolean> {
    const result = await em.update(VolunteerProfile, { accountId }, { preferredName, updatedAt });
    return (result.affected ?? 0) > 0;
  }

  async saveTherapist(profile: Saved<TherapistProfile>, em: EntityManager): Promise<void> {
    await em.upsert(TherapistProfile, profile, ['accountId']);
  }

  async saveBuddy(profile: Saved<BuddyProfile>, em: EntityManager): Promise<void> {
    await em.upsert(BuddyProfile, profile, ['accountId']);
  }

  /** The volunteer's deployments become exactly `deployments`. */
  async replaceDeployments(
    volunteerId: string,
    deployments: NewDeployment[],
    em: EntityManager,
  ): Promise<void> {
    await em.delete(Deployment, { volunteerId });
    if (deployments.length > 0) {
      await em.insert(
        Deployment,
        deployments.map((d) => ({ ...d, volunteerId })),
      );
    }
  }

  photoOf(accountId: string, em: EntityManager): Promise<TherapistPhoto | null> {
    return em.findOneBy(TherapistPhoto, { accountId });
  }

  /** The therapists among `accountIds` who have a photo. */
  async withPhotos(accountIds: string[], em: EntityManager): Promise<Set<string>> {
    if (accountIds.length === 0) return new Set();
    const rows: Array<{ account_id: string }> = await em.query(
      `SELECT account_id FROM therapist_photo WHERE account_id = ANY($1::uuid[])`,
      [accountIds],
    );
    return new Set(rows.map((r) => r.account_id));
  }

  async savePhoto(
    accountId: string,
    contentType: PhotoType,
    bytes: Buffer,
    updatedAt: Date,
    em: EntityManager,
  ): Promise<void> {
    await em.upsert(TherapistPhoto, { accountId, contentType, bytes, updatedAt }, ['accountId']);
  }

  /** True when there was a photo to delete. */
  async deletePhoto(accountId: string, em: EntityManager): Promise<boolean> {
    const result = await em.delete(TherapistPhoto, { accountId });
    return (result.affected ?? 0) > 0;
  }
}
