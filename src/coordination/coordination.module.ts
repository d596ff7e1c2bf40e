import { Module } from '@nestjs/common';
import { CheckinsModule } from '../checkins/checkins.module';
import { ConsentModule } from '../consent/consent.module';
import { IdentityModule } from '../identity/identity.module';
import { PeopleModule } from '../people/people.module';
import { SessionsModule } from '../sessions/sessions.module';
import { AuditTrailController } from './audit-trail.controller';
import { AuditTrailService } from './audit-trail.service';
import { PersonRecordController } from './person-record.controller';
import { PersonRecordService } from './person-record.service';
import { UnmatchedRequestsController } from './unmatched-requests.controller';
import { UnmatchedRequestsService } from './unmatched-requests.service';

/**
 * Coordinator views that span modules, through what those modules export: unmatched requests, a
 * person's whole record, and the audit trail with names.
 */
@Module({
  imports: [SessionsModule, CheckinsModule, IdentityModule, PeopleModule, ConsentModule],
  controllers: [UnmatchedRequestsController, PersonRecordController, AuditTrailController],
  providers: [UnmatchedRequestsService, PersonRecordService, AuditTrailService],
})
export class CoordinationModule {}
