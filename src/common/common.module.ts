import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { DataRights } from './data-rights.service';
import { DomainEvents } from './domain-events.service';
import { Periodic } from './periodic.service';
import { PeriodicRunsRepository } from './periodic-runs.repository';

@Global()
@Module({
  providers: [
    { provide: Clock, useClass: SystemClock },
    DomainEvents,
    DataRights,
    PeriodicRunsRepository,
    Periodic,
  ],
  exports: [Clock, DomainEvents, DataRights, Periodic],
})
export class CommonModule {}
