import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { requireAccess } from '../common/access';
import { Actor, Role } from '../common/auth.decorators';
import { NotFoundError, RuleViolationError } from '../common/domain-error';
import { DomainEventMap, DomainEvents } from '../common/domain-events.service';
import { Page, toPage } from '../common/pagination';
import { ValidationFailedException } from '../common/problem';
import { IdentityService } from '../identity/identity.service';
import { ConcernCipher } from './concern-cipher.service';
import { requireTransition } from './concern-status';
import {
  ConcernCategory,
  ConcernEntryKind,
  ConcernSource,
  ConcernStatus,
  ConcernUrgency,
} from './concern-types';
import { Concern } from './concern.entity';
import {
  concernContext,
  entryContext,
  toFullView,
  toStatusView,
  toSummary,
  ConcernView,
  ConcernStatusView,
  ConcernSummaryView,
} from './concern.view';
import { ConcernFilter, ConcernsRepository } from './concerns.repository';
import { RaiseConcernDto, TriageConcernDto } from './dto/concern.dto';
import { Clock } from '../common/clock';
import { claimIdempotencyKey, requestHash, storeIdempotentResponse } from '../common/idempotency';
import { requirePastInstant } from '../common/time-range';

/**
 * Safeguarding concerns: anyone signed in raises one, coordinators triage. Coordinators see
 * everything (each read audited); a reporter sees only the status of their own reports; the subject
 * of a concern never sees it (404, as for everyone else).
 */
@Injectable()
export class ConcernsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly concerns: ConcernsRepository,
    private readonly cipher: ConcernCipher,
    private readonly identity: IdentityService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a concern and publishes `concern.raised` in the same transaction (urgent ones become
   * coordinator alerts). Not audited on purpose: the row itself records it, and an audit row naming
   * the reporter would outlive the pseudonymisation their erasure performs. With an idempotency
   * `key`, claimed in the same transaction: a retry waits for the first and gets its answer.
   */
  raise(actor: Actor, dto: RaiseConcernDto, key?: string): Promise<ConcernStatusView> {
    if ((dto.subjectUserId == null) === (dto.subjectDescription == null)) {
      const message = 'give exactly one of subjectUserId and subjectDescription';
      throw new ValidationFailedException([
        { field: 'subjectUserId', message },
        { field: 'subjectDescription', message },
      ]);
    }
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : null;
    if (occurredAt) requirePastInstant(this.clock.now(), 'occurredAt', occurredAt);
    return this.dataSource.transaction(async (em) => {
      if (key) {
        const hash = requestHash('POST /v1/concerns', { ...dto });
        const claim = await claimIdempotencyKey<ConcernStatusView>(actor.id, key, hash, em);
        if (claim.replay) return claim.response;
      }
      await this.identity.get(actor.id, em);
      if (dto.subjectUserId) await this.requireSubject(dto.subjectUserId, em);
      const concern = await this.insert(
        {
          reporterId: actor.id,
          subjectUserId: dto.subjectUserId ?? null,
          subjectDescription: dto.subjectDescription ?? null,
          category: dto.category,
          urgency: dto.urgency,
          details: dto.details,
          location: dto.location ?? null,
          occurredAt,
          source: ConcernSource.Report,
          checkinId: null,
        },
        em,
      );
      if (!concern) throw new Error('A reported concern cannot collide');
      const answer = toStatusView(concern);
      if (key) await storeIdempotentResponse(actor.id, key, 201, answer, em);
      return answer;
    });
  }

  /**
   * A buddy logged a call with wellbeing `concern`: raise a volunteer_wellbeing concern about the
   * volunteer, reported by the buddy, in the buddy's transaction. Medium urgency: the buddy raises
   * an urgent concern themselves when it is one. Once per check-in call.
   */
  async raiseFromCheckin(event: DomainEventMap['checkin.concern'], em: EntityManager) {
    await this.insert(
      {
        reporterId: event.reportedBy,
        subjectUserId: event.volunteerId,
        subjectDescription: null,
        category: ConcernCategory.VolunteerWellbeing,
        urgency: ConcernUrgency.Medium,
        details:
          `Raised automatically: the buddy logged a wellbeing concern for the ${event.channel} ` +
          `check-in call of ${event.startsAt.toISOString()} (pairing ${event.pairingId}).`,
        location: null,
        occurredAt: event.startsAt,
        source: ConcernSource.Checkin,
        checkinId: event.checkinId,
      },
      em,
    );
  }

  /**
   * A buddy replied `3` to a call reminder ("I need the coordinator"): a concern about the
   * volunteer, reported by the buddy, in the caller's transaction (the reply's). Sealed like any
   * other; the fixed neutral text says only what happened. High urgency: a person asked for the
   * coordinator, so it goes to the top of the triage list, but a single digit (which can be typed
   * by mistake) does not page every coordinator at night as `urgent` does; a buddy who needs that
   * raises an urgent concern in the app, or calls emergency services.
   */
  async raiseCoordinatorRequest(
    request: { buddyId: string; volunteerId: string; checkinId: string },
    em: EntityManager,
  ): Promise<string> {
    const concern = await this.insert(
      {
        reporterId: request.buddyId,
        subjectUserId: request.volunteerId,
        subjectDescription: null,
        category: ConcernCategory.Other,
        urgency: ConcernUrgency.High,
        details:
          `The buddy asked for the coordinator by text, replying to the reminder of a check-in ` +
          `call (ref ${request.checkinId.slice(0, 8)}, check-in ${request.checkinId}).`,
        location: null,
        occurredAt: null,
        source: ConcernSource.Report,
        checkinId: null,
      },
      em,
    );
    if (!concern) throw new Error('A reported concern cannot collide');
    return concern.id;
  }

  async list(actor: Actor, filter: Omit<ConcernFilter, 'reporterId'>) {
    if (actor.role !== Role.Coordinator) {
      const rows = await this.concerns.page({ ...filter, reporterId: actor.id });
      return toPage(rows, filter.limit, pos, toStatusView) as Page<ConcernSummaryView>;
    }
    return this.dataSource.transaction(async (em) => {
      const rows = await this.concerns.page(filter, em);
      const page = toPage(rows, filter.limit, pos, toSummary);
      page.items = await this.withNames(page.items, em);
      await this.audit.recordRead(
        actor,
        'concern.listed',
        page.items.map((c) => c.id),
        em,
      );
      return page;
    });
  }

  /** Coordinators: the whole concern (audited). Its reporter: the status. Anyone else: 404. */
  async get(actor: Actor, id: string): Promise<ConcernView | ConcernStatusView> {
    if (actor.role === Role.Coordinator) {
      return this.dataSource.transaction(async (em) => {
        const concern = await this.concerns.find(id, em);
        if (!concern) throw new NotFoundError('concern');
        await this.audit.recordRead(actor, 'concern.read', [id], em);
        const [view] = await this.withNames(
          [toFullView(this.cipher, concern, await this.concerns.history(id, em))],
          em,
        );
        return view;
      });
    }
    const concern = await this.concerns.find(id);
    return toStatusView(requireAccess(actor, concern, (c) => [c.reporterId], { what: 'concern' }));
  }

  /** The subject's and the reporter's names, for coordinators: one lookup for a whole page. */
  private async withNames<V extends ConcernSummaryView>(
    views: V[],
    em: EntityManager,
  ): Promise<V[]> {
    const ids = views.flatMap((v) => [v.subjectUserId, v.reporterId]).filter((id) => !!id);
    const names = await this.identity.getMany(ids as string[], em);
    const nameOf = (id: string | null | undefined) => (id ? (names.get(id)?.name ?? null) : null);
    return views.map((v) => ({
      ...v,
      subjectName: nameOf(v.subjectUserId),
      reporterName: nameOf(v.reporterId),
    }));
  }

  /** Moves a concern along the triage path and/or adds a note; 409 for a step not on the path. */
  triage(actor: Actor, id: string, dto: TriageConcernDto): Promise<ConcernView> {
    if (dto.status === undefined && dto.note === undefined) {
      const message = 'give a status (with a reason) or a note';
      throw new ValidationFailedException([
        { field: 'status', message },
        { field: 'note', message },
      ]);
    }
    if (dto.referredTo !== undefined && dto.status !== ConcernStatus.Referred) {
      throw new ValidationFailedException([
        { field: 'referredTo', message: 'referredTo goes only with status referred' },
      ]);
    }
    if (dto.reason !== undefined && dto.status === undefined) {
      throw new ValidationFailedException([
        { field: 'reason', message: 'reason explains a status change; use note otherwise' },
      ]);
    }
    return this.dataSource.transaction(async (em) => {
      const concern = await this.concerns.findForUpdate(id, em);
      if (!concern) throw new NotFoundError('concern');
      if (dto.status !== undefined) {
        requireTransition(concern.status, dto.status);
        await this.concerns.addEntry(
          {
            concernId: id,
            kind: ConcernEntryKind.Status,
            actorId: actor.id,
            fromStatus: concern.status,
            toStatus: dto.status,
            reasonSealed: this.cipher.seal(dto.reason ?? '', entryContext(id, 'reason')),
            referredToSealed: this.cipher.sealOptional(
              dto.referredTo,
              entryContext(id, 'referred_to'),
            ),
          },
          em,
        );
        await this.concerns.setStatus(id, dto.status, em);
        await this.audit.record(
          {
            actor,
            action: 'concern.status_changed',
            target: { type: 'concern', id },
            details: { from: concern.status, to: dto.status },
          },
          em,
        );
      }
      if (dto.note !== undefined) {
        await this.concerns.addEntry(
          {
            concernId: id,
            kind: ConcernEntryKind.Note,
            actorId: actor.id,
            noteSealed: this.cipher.seal(dto.note, entryContext(id, 'note')),
          },
          em,
        );
        await this.concerns.touch(id, em);
        await this.audit.record(
          { actor, action: 'concern.note_added', target: { type: 'concern', id } },
          em,
        );
      }
      const updated = await this.concerns.find(id, em);
      if (!updated) throw new NotFoundError('concern');
      return toFullView(this.cipher, updated, await this.concerns.history(id, em));
    });
  }

  /** Seals the free text, inserts the concern and its first history line, publishes the event. */
  private async insert(input: NewConcern, em: EntityManager): Promise<Concern | null> {
    const id = randomUUID();
    const inserted = await this.concerns.insert(
      {
        id,
        reporterId: input.reporterId,
        subjectUserId: input.subjectUserId,
        subjectDescriptionSealed: this.cipher.sealOptional(
          input.subjectDescription,
          concernContext(id, 'subject_description'),
        ),
        category: input.category,
        urgency: input.urgency,
        detailsSealed: this.cipher.seal(input.details, concernContext(id, 'details')),
        locationSealed: this.cipher.sealOptional(input.location, concernContext(id, 'location')),
        occurredAt: input.occurredAt,
        source: input.source,
        checkinId: input.checkinId,
      },
      em,
    );
    if (!inserted) return null;
    await this.concerns.addEntry(
      { concernId: id, kind: ConcernEntryKind.Raised, toStatus: ConcernStatus.Open },
      em,
    );
    await this.events.publish('concern.raised', { concernId: id, urgency: input.urgency }, em);
    return this.concerns.find(id, em);
  }

  private async requireSubject(userId: string, em: EntityManager): Promise<void> {
    if (!(await this.identity.find(userId, em))) {
      throw new RuleViolationError(
        'unknown-subject',
        'No registered person has that id; describe them in subjectDescription instead.',
      );
    }
  }
}

interface NewConcern {
  reporterId: string;
  subjectUserId: string | null;
  subjectDescription: string | null;
  category: ConcernCategory;
  urgency: ConcernUrgency;
  details: string;
  location: string | null;
  occurredAt: Date | null;
  source: ConcernSource;
  checkinId: string | null;
}

const pos = (c: Concern) => ({ at: c.createdAt, id: c.id });
