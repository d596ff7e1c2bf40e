import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { DataRights } from './data-rights';
import { DomainEvents } from './domain-events';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, DomainEvents, DataRights],
  exports: [Clock, DomainEvents, DataRights],
})
export class CommonModule {}
