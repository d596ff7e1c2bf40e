import { Module } from '@nestjs/common';
import { CheckinsModule } from '../checkins/checkins.module';
import { IdentityModule } from '../identity/identity.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UnmatchedRequestsController } from './unmatched-requests.controller';
import { UnmatchedRequestsService } from './unmatched-requests.service';

/** Coordinator views that span sessions and buddy calls, through what those modules export. */
@Module({
  imports: [SessionsModule, CheckinsModule, IdentityModule],
  controllers: [UnmatchedRequestsController],
  providers: [UnmatchedRequestsService],
})
export class CoordinationModule {}
