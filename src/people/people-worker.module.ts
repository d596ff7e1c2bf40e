import { Module } from '@nestjs/common';
import { PeopleModule } from './people.module';
import { VettingProcessor } from './vetting/vetting.processor';

/** The vetting expiry sweep: loaded only in processes with the worker role. */
@Module({
  imports: [PeopleModule],
  providers: [VettingProcessor],
})
export class PeopleWorkerModule {}
