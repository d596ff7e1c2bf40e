import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { CheckinsModule } from './checkins.module';
import { CheckinsProcessor, CheckinsScheduler } from './checkins.processor';

/** The worker side of check-ins: the repeatable job that materialises calls. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Checkins }), CheckinsModule],
  providers: [CheckinsProcessor, CheckinsScheduler],
})
export class CheckinsWorkerModule {}
