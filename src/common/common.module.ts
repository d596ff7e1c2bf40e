import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { DomainEvents } from './domain-events';

@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }, DomainEvents],
  exports: [Clock, DomainEvents],
})
export class CommonModule {}
