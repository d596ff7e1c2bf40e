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
import { CallMaterialiser } from './call-materialiser';
import { Checkin } from './checkin.entity';
import { CheckinReader } from './checkin-reader';
import { CheckinsController } from './checkins.controller';
import { CheckinsService } from './checkins.service';
import { OpenBuddyRequests } from './open-buddy-requests';
import { Pairing } from './pairing.entity';
import { PairingLifecycle } from './pairing-lifecycle';
import { PairingReader } from './pairing-reader';
import { PairingsController } from './pairings.controller';
import { PairingsDataRights } from './pairings-data-rights';
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
    OpenBuddyRequests,
    PairingsRepository,
    CallMaterialiser,
    BuddyRequestsService,
    PairingLifecycle,
    PairingsService,
    PairingReader,
    CheckinsService,
    CheckinReader,
    PairingsDataRights,
  ],
  exports: [CallMaterialiser, PairingLifecycle, OpenBuddyRequests],
})
export class CheckinsModule {}
