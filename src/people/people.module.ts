import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { BuddyProfile } from './buddy-profile.entity';
import { Deployment } from './deployment.entity';
import { MeController } from './me.controller';
import { PeopleController } from './people.controller';
import { PeopleSearchController } from './people-search.controller';
import { PeopleDataPart } from './people.part';
import { PeopleService } from './people.service';
import { ProfilesRepository } from './profiles.repository';
import { ProfilesService } from './profiles.service';
import { TherapistPhoto } from './therapist-photo.entity';
import { TherapistPhotosService } from './therapist-photos.service';
import { TherapistProfile } from './therapist-profile.entity';
import { VettingController } from './vetting/vetting.controller';
import { VettingDecision } from './vetting/vetting-decision.entity';
import { VettingNote } from './vetting/vetting-note.entity';
import { VettingRepository } from './vetting/vetting.repository';
import { VettingQueueService } from './vetting/vetting-queue.service';
import { VettingService } from './vetting/vetting.service';
import { Vetting } from './vetting/vetting.entity';
import { VolunteerProfile } from './volunteer-profile.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      VolunteerProfile,
      Deployment,
      TherapistProfile,
      TherapistPhoto,
      BuddyProfile,
      Vetting,
      VettingDecision,
      VettingNote,
    ]),
    IdentityModule,
  ],
  controllers: [MeController, VettingController, PeopleController, PeopleSearchController],
  providers: [
    PeopleService,
    ProfilesService,
    ProfilesRepository,
    VettingService,
    VettingQueueService,
    VettingRepository,
    PeopleDataPart,
    TherapistPhotosService,
  ],
  /**
   * VettingService is exported for PeopleWorkerModule's expiry job only; ProfilesService for the
   * coordinator's whole record of a person (coordination/).
   */
  exports: [PeopleService, ProfilesService, VettingService, TherapistPhotosService],
})
export class PeopleModule {}
