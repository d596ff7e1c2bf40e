import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DataRights } from '../common/data-rights.service';
import { SessionCalendarLinks } from '../sessions/session-calendar';
import { LinksService } from './links.service';
import { SignedLinksRepository } from './signed-links.repository';

/**
 * Where links plug into the rest of the service: the person's export and erasure (their links go),
 * and the session invite, which carries a link for whoever downloads it.
 */
@Injectable()
export class LinksDataPart implements OnModuleInit {
  constructor(
    private readonly dataRights: DataRights,
    private readonly repo: SignedLinksRepository,
    private readonly calendarLinks: SessionCalendarLinks,
    private readonly links: LinksService,
  ) {}

  onModuleInit(): void {
    this.dataRights.register({
      name: 'links',
      export: (userId: string, em: EntityManager) => this.repo.personalData(userId, em),
      erase: (userId: string, em: EntityManager) => this.repo.deleteForPerson(userId, em),
    });
    this.calendarLinks.register((sessionId, personId) =>
      this.links.invitationLinkFor(sessionId, personId),
    );
  }
}
