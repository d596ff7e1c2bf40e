import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { QueueName } from '../common/queues';
import { PeopleModule } from './people.module';
import { VettingProcessor, VettingScheduler } from './vetting.processor';

/** The vetting expiry job: loaded only in processes with the worker role. */
@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Vetting }), PeopleModule],
  providers: [VettingProcessor, VettingScheduler],
})
export class PeopleWorkerModule {}
