import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth.decorators';
import { NotFoundError } from '../common/domain-error';
import { PeopleService } from '../people/people.service';
import { TherapistPhotosService } from '../people/therapist-photos.service';
import { OpenSessionRequestsRepository } from './open-session-requests.repository';
import { suits } from './session-matches.service';
import { SessionRequestsService } from './session-requests.service';
import { SessionsRepository } from './sessions.repository';

/**
 * Who may see a therapist's photo: the therapist, a coordinator (audited as a read of the
 * person), and a volunteer who has the therapist among their matches (an open request the
 * therapist suits, while matchable) or has had a session with them. Anyone else gets 404, as if
 * there were no photo.
 */
@Injectable()
export class TherapistPhotoAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly photos: TherapistPhotosService,
    private readonly people: PeopleService,
    private readonly requests: SessionRequestsService,
    private readonly openRequests: OpenSessionRequestsRepository,
    private readonly sessions: SessionsRepository,
    private readonly audit: AuditService,
  ) {}

  async photo(actor: Actor, therapistId: string) {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.maySee(actor, therapistId))) throw new NotFoundError('photo');
      if (actor.role === Role.Coordinator) {
        await this.audit.recordRead(actor, 'person.read', [therapistId], em);
      }
      return this.photos.read(therapistId, em);
    });
  }

  private async maySee(actor: Actor, therapistId: string): Promise<boolean> {
    const em = this.dataSource.manager;
    if (actor.role === Role.Coordinator) return true;
    if (actor.role === Role.Therapist) return actor.id === therapistId;
    if (actor.role !== Role.Volunteer) return false;
    if (await this.sessions.haveMet(actor.id, therapistId, em)) return true;
    const request = await this.openRequests.openOf(actor.id, em);
    if (!request) return false;
    await this.requests.requireSessionConsent(actor.id, em);
    const matchable = await this.people.matchableIds('therapist', [therapistId], em);
    const [therapist] = await this.people.therapistProfiles(matchable, em);
    return !!therapist && suits(therapist, request);
  }
}
