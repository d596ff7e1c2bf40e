import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { sessionsConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../common/access';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { RuleViolationError } from '../common/domain-error';
import { ValidationFailedException } from '../common/problem';
import { OpenRequestExistsError, RequestClosedError } from '../common/request-errors';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import { localToday } from '../common/time/wall-clock';
import { PeopleService } from '../people/people.service';
import { CreateSessionRequestDto } from './dto/session-request.dto';
import { sessionEligibility } from './eligibility';
import { SessionRequest } from './session-request.entity';
import { NotEligibleError } from './sessions.errors';
import { OpenSessionRequestsRepository } from './open-session-requests.repository';
import { SessionsRepository } from './sessions.repository';
import {
  SessionRequestListView,
  SessionRequestView,
  toSessionRequestView,
} from './session-request.view';

/** Longest request window, matching the free-slot search's longest range. */
export const MAX_WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

@Injectable()
export class SessionRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: SessionsRepository,
    private readonly open: OpenSessionRequestsRepository,
    private readonly consent: ConsentService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(sessionsConfig.KEY) private readonly config: ConfigType<typeof sessionsConfig>,
  ) {}

  /** Both consents a session needs: keeping the volunteer's details, and sharing them. */
  async requireSessionConsent(volunteerId: string, em: EntityManager): Promise<void> {
    await this.consent.requireConsents(
      volunteerId,
      [ConsentPurpose.DataProcessing, ConsentPurpose.ShareWithTherapist],
      em,
    );
  }

  create(actor: Actor, dto: CreateSessionRequestDto): Promise<SessionRequestView> {
    const notBefore = new Date(dto.notBefore);
    const notAfter = new Date(dto.notAfter);
    if (notAfter <= notBefore) {
      throw new ValidationFailedException([
        { field: 'notAfter', message: 'notAfter must be after notBefore' },
      ]);
    }
    if (notAfter.getTime() - notBefore.getTime() > MAX_WINDOW_DAYS * DAY_MS) {
      throw new ValidationFailedException([
        { field: 'notAfter', message: `the window may span at most ${MAX_WINDOW_DAYS} days` },
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      await this.requireSessionConsent(actor.id, em);
      const now = this.clock.now();
      if (notAfter <= now) {
        throw new RuleViolationError('window-in-past', 'The window of the request has passed.');
      }
      await this.open.lockVolunteer(actor.id, em);
      const current = await this.open.openOf(actor.id, em);
      if (current && current.notAfter > now) {
        throw new OpenRequestExistsError('session', current.id);
      }
      // An open request whose dates have passed gives way to the new one.
      if (current) await this.lapse(actor, current.id, now, em);
      const volunteer = await this.people.volunteerProfile(actor.id, em);
      const verdict = sessionEligibility(
        volunteer,
        localToday(now, volunteer.timezone),
        this.config.eligibleDaysBeforeReturn,
      );
      if (!verdict.eligible) throw new NotEligibleError(verdict.reason, verdict.detail);

      const request = await em.save(
        em.create(SessionRequest, {
          volunteerId: actor.id,
          languages: dto.languages,
          modality: dto.modality,
          notBefore,
          notAfter,
          therapistGender: dto.therapistGender?.trim() || null,
          note: dto.note?.trim() || null,
        }),
      );
      await this.audit.record(
        {
          actor,
          action: 'session_request.created',
          target: { type: 'session_request', id: request.id },
          details: { modality: request.modality },
        },
        em,
      );
      return toSessionRequestView(request);
    });
  }

  /** The volunteer's open request, if any: home shows it, with the way back to choosing. */
  async openOf(actor: Actor): Promise<SessionRequestListView> {
    const request = await this.open.openOf(actor.id, this.dataSource.manager);
    return { items: request ? [toSessionRequestView(request)] : [] };
  }

  /** How many open requests were made before `cutoff`: waiting for a booking. */
  countWaitingSince(cutoff: Date): Promise<number> {
    return this.open.countOlderThan(cutoff);
  }

  /**
   * Open requests made before `cutoff`, oldest first, at most `limit`: for the coordinator, whose
   * caller audits each one it shows.
   */
  async waitingSince(cutoff: Date, limit: number): Promise<SessionRequestView[]> {
    return (await this.open.listOlderThan(cutoff, limit)).map(toSessionRequestView);
  }

  /**
   * The volunteer (or a coordinator for them) takes back an open request: it leaves the matching
   * and the coordinator's counts, and a new one may be made at once. 409 when it is not open.
   */
  withdraw(actor: Actor, id: string): Promise<SessionRequestView> {
    return this.dataSource.transaction(async (em) => {
      const request = await this.get(actor, id, em);
      const now = this.clock.now();
      if (!(await this.open.close(request.id, 'withdrawn', now, em))) {
        throw new RequestClosedError('session');
      }
      await this.audit.record(
        {
          actor,
          action: 'session_request.withdrawn',
          target: { type: 'session_request', id: request.id },
        },
        em,
      );
      return toSessionRequestView({ ...request, status: 'withdrawn', closedAt: now });
    });
  }

  /** Nothing is booked from, or matched for, a request that was withdrawn or lapsed. */
  requireOpen(request: SessionRequest): void {
    if (request.status === 'withdrawn' || request.status === 'lapsed') {
      throw new RequestClosedError('session');
    }
  }

  private async lapse(actor: Actor, id: string, now: Date, em: EntityManager): Promise<void> {
    await this.open.close(id, 'lapsed', now, em);
    await this.audit.record(
      { actor, action: 'session_request.lapsed', target: { type: 'session_request', id } },
      em,
    );
  }

  /** The request, for its volunteer or a coordinator; 404 for anyone else. */
  async get(actor: Actor, id: string, em: EntityManager): Promise<SessionRequest> {
    return requireAccess(actor, await this.repo.findRequest(id, em), (r) => [r.volunteerId], {
      coordinator: true,
      what: 'session request',
    });
  }
}
