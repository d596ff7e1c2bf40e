import { Module } from '@nestjs/common';
import { CheckinsModule } from './checkins.module';
import { CheckinsProcessor } from './checkins.processor';

/** The worker side of check-ins: periodic call planning. */
@Module({
  imports: [CheckinsModule],
  providers: [CheckinsProcessor],
})
export class CheckinsWorkerModule {}
