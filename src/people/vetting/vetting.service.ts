import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { vettingConfig } from '../../../config/configuration';
import { AuditService } from '../../audit/audit.service';
import { Actor, Role } from '../../common/auth.decorators';
import { Clock } from '../../common/clock';
import { NotFoundError } from '../../common/domain-error';
import { DomainEvents } from '../../common/domain-events.service';
import { IdentityService } from '../../identity/identity.service';
import { BuddyProfile } from '../buddy-profile.entity';
import { RejectInput, SuspendInput, VerifyInput } from './vetting.dto';
import type { VettedRole, VettingStatus } from '../people.types';
import { addYears, utcDate } from './vetting-clock';
import { defaultExpiry } from './vetting-expiry';
import {
  BadExpiryError,
  InvalidVettingTransitionError,
  ProfileMissingError,
} from './vetting.errors';
import { NewDecision, VettingRepository } from './vetting.repository';
import { Vetting } from './vetting.entity';
import { VettingDecisionView, VettingView, toVettingView } from './vetting.view';

/** Days before expiry when the person and the coordinators are warned. */
export const EXPIRY_WARNING_DAYS = 30;
/** The furthest a coordinator may set an expiry date. */
const MAX_VALID_YEARS = 5;

/**
 * Coordinator vetting of therapists and buddies, and its expiry. Every change of status appends a
 * `vetting_decision` and an audit row in the transaction that makes it.
 */
@Injectable()
export class VettingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: VettingRepository,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(vettingConfig.KEY) private readonly config: ConfigType<typeof vettingConfig>,
  ) {}

  /** With a first profile: the person enters the queue as `pending`. Returns their vetting, locked. */
  async openForProfile(actor: Actor, role: VettedRole, em: EntityManager): Promise<Vetting> {
    const now = this.clock.now();
    if (await this.repo.openIfMissing(actor.id, role, now, em)) {
      await this.recordDecision(
        actor,
        {
          accountId: actor.id,
          decision: 'submitted',
          fromStatus: null,
          toStatus: 'pending',
          decidedBy: actor.id,
          decidedAt: now,
          expiresOn: null,
        },
        em,
      );
    }
    return (await this.repo.lock(actor.id, em))!;
  }

  /**
   * The facts a coordinator verified (membership, DBS) changed: a verified or expired person goes
   * back to `pending` and out of matching until checked again, and a rejected applicant who
   * corrected them is in the queue again. A suspension stays.
   */
  async resubmit(actor: Actor, current: Vetting, em: EntityManager): Promise<void> {
    if (current.status === 'pending' || current.status === 'suspended') return;
    await this.change(
      actor,
      current,
      'resubmitted',
      'pending',
      { verifiedBy: null, verifiedAt: null, expiresOn: null, warnedFor: null },
      undefined,
      em,
    );
  }

  async verify(actor: Actor, userId: string, input: VerifyInput): Promise<VettingView> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockVetted(userId, em);
      const now = this.clock.now();
      const today = utcDate(now);
      const expiresOn = input.expiresOn ?? (await this.defaultExpiryFor(current, today, em));
      if (expiresOn <= today) throw new BadExpiryError('expiresOn must be after today (UTC).');
      if (expiresOn > addYears(today, MAX_VALID_YEARS)) {
        throw new BadExpiryError(`expiresOn must be within ${MAX_VALID_YEARS} years.`);
      }
      if (current.status === 'verified' && current.expiresOn && expiresOn <= current.expiresOn) {
        throw new InvalidVettingTransitionError(
          current.status,
          'verify',
          `Already verified until ${current.expiresOn}; a renewal must extend that date.`,
        );
      }
      const changed = await this.change(
        actor,
        current,
        'verified',
        'verified',
        { verifiedBy: actor.id, verifiedAt: now, expiresOn, suspendedAt: null, warnedFor: null },
        input.evidence,
        em,
      );
      return toVettingView(changed);
    });
  }

  async suspend(actor: Actor, userId: string, input: SuspendInput): Promise<VettingView> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockVetted(userId, em);
      if (current.status === 'suspended') {
        throw new InvalidVettingTransitionError(current.status, 'suspend', 'Already suspended.');
      }
      const changed = await this.change(
        actor,
        current,
        'suspended',
        'suspended',
        { suspendedAt: this.clock.now() },
        input.reason,
        em,
      );
      await this.identity.revokeSessions(userId, em);
      return toVettingView(changed);
    });
  }

  /**
   * Turns an application down, with a reason the applicant is shown (`GET /v1/me`). Only a
   * pending application: 409 otherwise (a verified person is suspended instead). They stay out of
   * matching; changing the facts they gave puts them back in the queue.
   */
  async reject(actor: Actor, userId: string, input: RejectInput): Promise<VettingView> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.lockVetted(userId, em);
      if (current.status !== 'pending') {
        throw new InvalidVettingTransitionError(
          current.status,
          'reject',
          'Only an application still waiting for checks can be rejected.',
        );
      }
      const changed = await this.change(
        actor,
        current,
        'rejected',
        'rejected',
        {},
        input.reason,
        em,
      );
      return toVettingView(changed);
    });
  }

  /** Why the person's application was rejected, while it stands rejected; null otherwise. */
  async rejectionReason(current: Vetting | null, em: EntityManager): Promise<string | null> {
    if (current?.status !== 'rejected') return null;
    const rows = await this.repo.history(current.accountId, em);
    const last = rows.filter((r) => r.decision.decision === 'rejected').pop();
    return last?.note ?? null;
  }

  /** Erasure: the person leaves matching for good, and the free text of their decisions goes. */
  async withdraw(userId: string, em: EntityManager): Promise<void> {
    await this.repo.deleteNotes(userId, em);
    const current = await this.repo.lock(userId, em);
    if (!current || current.status === 'suspended') return;
    const actor = { id: userId, role: current.role as Role };
    await this.change(
      actor,
      current,
      'withdrawn',
      'suspended',
      { suspendedAt: this.clock.now() },
      undefined,
      em,
    );
  }

  /**
   * The daily job: vetting whose expiry day has come becomes `expired` (publishing
   * `vetting.expired`), and vetting lapsing within 30 days publishes `vetting.expiring` once per
   * expiry date. Safe to run again, or on two workers at once: the UPDATEs claim each row once.
   */
  async expireLapsed(now: Date): Promise<{ expired: string[]; warned: string[] }> {
    const today = utcDate(now);
    return this.dataSource.transaction(async (em) => {
      const expired = await this.repo.expireDue(today, now, em);
      for (const row of expired) {
        await this.recordDecision(
          null,
          {
            accountId: row.account_id,
            decision: 'expired',
            fromStatus: 'verified',
            toStatus: 'expired',
            decidedBy: null,
            decidedAt: now,
            expiresOn: row.expires_on,
          },
          em,
        );
        await this.events.publish('vetting.expired', { userId: row.account_id }, em);
      }
      const warned = await this.repo.markWarnings(today, EXPIRY_WARNING_DAYS, em);
      for (const row of warned) {
        await this.audit.record(
          {
            actor: null,
            action: 'vetting.expiry_warned',
            target: { type: 'account', id: row.account_id },
            details: { expiresOn: row.expires_on },
          },
          em,
        );
        await this.events.publish(
          'vetting.expiring',
          {
            userId: row.account_id,
            expiresOn: row.expires_on,
          },
          em,
        );
      }
      return { expired: expired.map((r) => r.account_id), warned: warned.map((r) => r.account_id) };
    });
  }

  async history(userId: string, em: EntityManager): Promise<VettingDecisionView[]> {
    const rows = await this.repo.history(userId, em);
    return rows.map(({ decision: d, note }) => ({
      id: d.id,
      decision: d.decision,
      fromStatus: d.fromStatus,
      toStatus: d.toStatus,
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
      expiresOn: d.expiresOn,
      note,
    }));
  }

  current(userId: string, em: EntityManager): Promise<Vetting | null> {
    return em.findOneBy(Vetting, { accountId: userId });
  }

  /** 404 for anyone who is not a therapist or buddy (or was erased); 409 before a profile. */
  private async lockVetted(userId: string, em: EntityManager): Promise<Vetting> {
    const account = await this.identity.find(userId, em);
    if (account?.role !== Role.Therapist && account?.role !== Role.Buddy) {
      throw new NotFoundError('therapist or buddy');
    }
    const current = await this.repo.lock(userId, em);
    if (!current) throw new ProfileMissingError();
    return current;
  }

  private async defaultExpiryFor(v: Vetting, today: string, em: EntityManager): Promise<string> {
    const buddy =
      v.role === 'buddy' ? await em.findOneBy(BuddyProfile, { accountId: v.accountId }) : null;
    return defaultExpiry({
      role: v.role,
      today,
      buddyKind: buddy?.kind,
      dbsIssuedOn: buddy?.dbsIssuedOn,
      dbsRecheckYears: this.config.dbsRecheckYears,
    });
  }

  private async change(
    actor: Pick<Actor, 'id' | 'role'>,
    current: Vetting,
    decision: NewDecision['decision'],
    to: VettingStatus,
    facts: Partial<Vetting>,
    note: string | undefined,
    em: EntityManager,
  ): Promise<Vetting> {
    const now = this.clock.now();
    const changed = await this.repo.update(
      current.accountId,
      {
        ...facts,
        status: to,
        statusSince: now,
      },
      em,
    );
    await this.recordDecision(
      actor,
      {
        accountId: current.accountId,
        decision,
        fromStatus: current.status,
        toStatus: to,
        decidedBy: actor.id,
        decidedAt: now,
        expiresOn: changed.expiresOn,
        note,
      },
      em,
    );
    return changed;
  }

  /** History row and audit row; the audit holds ids and codes, never the note. */
  private async recordDecision(
    actor: Pick<Actor, 'id' | 'role'> | null,
    d: NewDecision,
    em: EntityManager,
  ) {
    const id = await this.repo.appendDecision(d, em);
    await this.audit.record(
      {
        actor,
        action: `vetting.${d.decision}`,
        target: { type: 'account', id: d.accountId },
        details: { decisionId: id, from: d.fromStatus, to: d.toStatus, expiresOn: d.expiresOn },
      },
      em,
    );
    return id;
  }
}
