import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PeopleModule } from '../people/people.module';
import {
  AvailabilityException,
  AvailabilityExceptionWindow,
} from './availability-exception.entity';
import { AvailabilityRule } from './availability-rule.entity';
import { AvailabilitySchedule } from './availability-schedule.entity';
import { AvailabilityController } from './availability.controller';
import { AvailabilityDataPart } from './availability.part';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { MyAvailabilityService } from './my-availability.service';
import { TherapistSlotsService } from './therapist-slots.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AvailabilitySchedule,
      AvailabilityRule,
      AvailabilityException,
      AvailabilityExceptionWindow,
    ]),
    PeopleModule,
  ],
  controllers: [AvailabilityController],
  providers: [
    AvailabilityRepository,
    AvailabilityService,
    MyAvailabilityService,
    TherapistSlotsService,
    AvailabilityDataPart,
  ],
  exports: [AvailabilityService, TherapistSlotsService],
})
export class AvailabilityModule {}
