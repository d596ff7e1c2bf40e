import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityModule } from '../availability/availability.module';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { PeopleModule } from '../people/people.module';
import { BuddyLoad } from './buddy-load.entity';
import { BuddyRequest } from './buddy-request.entity';
import { BuddyRequestsController } from './buddy-requests.controller';
import { BuddyRequestsService } from './buddy-requests.service';
import { CallMaterialiser } from './call-materialiser.service';
import { Checkin } from './checkin.entity';
import { CheckinReadsService } from './checkin-reads.service';
import { CheckinsController } from './checkins.controller';
import { CheckinsService } from './checkins.service';
import { OpenBuddyRequestsRepository } from './open-buddy-requests.repository';
import { Pairing } from './pairing.entity';
import { PairingLifecycle } from './pairing-lifecycle.service';
import { PairingReadsService } from './pairing-reads.service';
import { PairingsController } from './pairings.controller';
import { PairingsDataPart } from './pairings.part';
import { PairingsRepository } from './pairings.repository';
import { PairingsService } from './pairings.service';

/** SSuN buddies: requests, matching, pairings, their call plans and the calls themselves. */
@Module({
  imports: [
    TypeOrmModule.forFeature([BuddyRequest, Pairing, Checkin, BuddyLoad]),
    IdentityModule,
    ConsentModule,
    PeopleModule,
    AvailabilityModule,
  ],
  controllers: [BuddyRequestsController, PairingsController, CheckinsController],
  providers: [
    OpenBuddyRequestsRepository,
    PairingsRepository,
    CallMaterialiser,
    BuddyRequestsService,
    PairingLifecycle,
    PairingsService,
    PairingReadsService,
    CheckinsService,
    CheckinReadsService,
    PairingsDataPart,
  ],
  exports: [
    CallMaterialiser,
    PairingLifecycle,
    BuddyRequestsService,
    CheckinsService,
    CheckinReadsService,
    PairingReadsService,
  ],
})
export class CheckinsModule {}
