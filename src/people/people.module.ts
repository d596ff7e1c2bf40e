import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { BuddyProfile } from './buddy-profile.entity';
import { Deployment } from './deployment.entity';
import { PeopleService } from './people.service';
import { TherapistProfile } from './therapist-profile.entity';
import { VettingDecision } from './vetting-decision.entity';
import { VettingNote } from './vetting-note.entity';
import { Vetting } from './vetting.entity';
import { VolunteerProfile } from './volunteer-profile.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      VolunteerProfile,
      Deployment,
      TherapistProfile,
      BuddyProfile,
      Vetting,
      VettingDecision,
      VettingNote,
    ]),
    IdentityModule,
  ],
  providers: [PeopleService],
  exports: [PeopleService],
})
export class PeopleModule {}
