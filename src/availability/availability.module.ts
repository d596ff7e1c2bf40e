import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { PeopleModule } from '../people/people.module';
import {
  AvailabilityException,
  AvailabilityExceptionWindow,
} from './availability-exception.entity';
import { AvailabilityRule } from './availability-rule.entity';
import { AvailabilitySchedule } from './availability-schedule.entity';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AvailabilitySchedule,
      AvailabilityRule,
      AvailabilityException,
      AvailabilityExceptionWindow,
    ]),
    PeopleModule,
    IdentityModule,
  ],
  providers: [AvailabilityRepository, AvailabilityService],
  exports: [AvailabilityService],
})
export class AvailabilityModule {}
