import { Module } from '@nestjs/common';
import { CheckinsModule } from '../checkins/checkins.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UnmatchedRequestsController } from './unmatched-requests.controller';

/** Coordinator views that span sessions and buddy calls, through what those modules export. */
@Module({
  imports: [SessionsModule, CheckinsModule],
  controllers: [UnmatchedRequestsController],
})
export class CoordinationModule {}
