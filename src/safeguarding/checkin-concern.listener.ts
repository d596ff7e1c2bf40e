import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/domain-events.service';
import { ConcernsService } from './concerns.service';

/** A buddy's wellbeing `concern` on a check-in call becomes a safeguarding concern, in its transaction. */
@Injectable()
export class CheckinConcernListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly concerns: ConcernsService,
  ) {}

  onModuleInit(): void {
    this.events.on('checkin.concern', (event, em) => this.concerns.raiseFromCheckin(event, em));
  }
}
