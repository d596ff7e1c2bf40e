import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AvailabilityService } from '../availability/availability.service';
import { DataRights } from '../common/data-rights.service';
import { DomainEvents } from '../common/domain-events.service';
import { ConsentPurpose } from '../consent/consent-purpose';
import { SessionsService } from './sessions.service';
import { SessionsRepository } from './sessions.repository';

/** Consents whose withdrawal cancels the volunteer's future sessions. */
const SESSION_CONSENTS: string[] = [
  ConsentPurpose.ShareWithTherapist,
  ConsentPurpose.DataProcessing,
];

/**
 * Where sessions plug into the rest of the service: the therapists' busy times for free-slot
 * search, the booked sessions a therapist's time off covers, consent withdrawal, and the person's export and erasure.
 */
@Injectable()
export class SessionsDataPart implements OnModuleInit {
  constructor(
    private readonly availability: AvailabilityService,
    private readonly events: DomainEvents,
    private readonly dataRights: DataRights,
    private readonly sessions: SessionsService,
    private readonly repo: SessionsRepository,
  ) {}

  onModuleInit(): void {
    this.availability.registerBusySource({
      busy: (userIds, range, em) => this.repo.busyIntervals(userIds, range, em),
    });
    this.availability.registerTimeOffSessions({
      covered: (therapistId, range, em) => this.sessions.coveredByTimeOff(therapistId, range, em),
      cancel: (actor, ids, reason, em) => this.sessions.cancelForTimeOff(actor, ids, reason, em),
    });

    this.events.on('consent.withdrawn', async ({ userId, purpose }, em) => {
      if (SESSION_CONSENTS.includes(purpose)) {
        await this.sessions.cancelFuture(userId, 'volunteer', 'consent-withdrawn', em);
      }
    });

    this.dataRights.register({
      name: 'sessions',
      export: (userId: string, em: EntityManager) => this.repo.personalData(userId, em),
      erase: async (userId: string, em: EntityManager) => {
        await this.sessions.cancelFuture(userId, 'any', 'erased', em);
        await this.repo.blankFreeText(userId, em);
      },
    });
  }
}
