import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AvailabilityModule } from '../availability/availability.module';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { PeopleModule } from '../people/people.module';
import { BookSession } from './book-session.service';
import { SessionCalendarLinks } from './session-calendar';
import { SessionDetailsService } from './session-details.service';
import { SessionCapacityMonth } from './session-capacity-month.entity';
import { SessionGrant } from './session-grant.entity';
import { SessionGrantsController } from './session-grants.controller';
import { SessionGrantsService } from './session-grants.service';
import { SessionMatchesService } from './session-matches.service';
import { SessionRequest } from './session-request.entity';
import { SessionRequestsController } from './session-requests.controller';
import { SessionRequestsService } from './session-requests.service';
import { Session } from './session.entity';
import { SessionsDataPart } from './sessions.part';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';
import { OpenSessionRequestsRepository } from './open-session-requests.repository';
import { TherapistPhotoAccess } from './therapist-photo-access.service';
import { TherapistPhotoController } from './therapist-photo.controller';

@Module({
  imports: [
    TypeOrmModule.forFeature([SessionRequest, Session, SessionGrant, SessionCapacityMonth]),
    IdentityModule,
    ConsentModule,
    PeopleModule,
    AvailabilityModule,
  ],
  controllers: [
    SessionRequestsController,
    SessionsController,
    SessionGrantsController,
    TherapistPhotoController,
  ],
  providers: [
    SessionsRepository,
    SessionRequestsService,
    SessionMatchesService,
    BookSession,
    SessionsService,
    SessionGrantsService,
    SessionsDataPart,
    OpenSessionRequestsRepository,
    SessionCalendarLinks,
    SessionDetailsService,
    TherapistPhotoAccess,
  ],
  exports: [SessionsService, SessionRequestsService, BookSession, SessionCalendarLinks],
})
export class SessionsModule {}
