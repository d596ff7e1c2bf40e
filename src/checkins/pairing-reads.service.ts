import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth.decorators';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { ConsentService } from '../consent/consent.service';
import { ConsentPurpose } from '../consent/consent-purpose';
import { IdentityService } from '../identity/identity.service';
import { BuddyRequest } from './buddy-request.entity';
import { PairingsQuery } from './dto/pairing.dto';
import { firstName } from '../common/first-name';
import { ContactView, PairingView, toPairingView } from './checkins.view';
import { Pairing } from './pairing.entity';
import { PairingsRepository } from './pairings.repository';

/**
 * Reading pairings: each with the buddy's first name, with the volunteer's contact details
 * where the buddy may see them, and for coordinators both full names (their reads are audited).
 */
@Injectable()
export class PairingReadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly repo: PairingsRepository,
  ) {}

  /** Mine (as volunteer or buddy), newest first; coordinators see all, and the read is audited. */
  async list(actor: Actor, query: PairingsQuery): Promise<Page<PairingView>> {
    const after = decodeCursor(query.cursor);
    const created = `date_trunc('milliseconds', p.created_at)`;
    const q = this.dataSource
      .createQueryBuilder(Pairing, 'p')
      .orderBy(created, 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(query.limit + 1);
    if (actor.role !== Role.Coordinator) {
      q.andWhere('(p.volunteer_id = :me OR p.buddy_id = :me)', { me: actor.id });
    }
    if (query.status) q.andWhere('p.status = :status', { status: query.status });
    if (after) q.andWhere(`(${created}, p.id) < (:at, :id)`, { at: after.at, id: after.id });
    const rows = await q.getMany();
    const page = rows.slice(0, query.limit);
    const view = await this.viewer(actor, page);
    if (actor.role === Role.Coordinator) {
      await this.audit.recordRead(
        actor,
        'pairing.listed',
        page.map((p) => p.id),
      );
    }
    return toPage(rows, query.limit, (p) => ({ at: p.createdAt, id: p.id }), view);
  }

  /**
   * A person's pairings, as volunteer or buddy, newest first (at most `limit`), for a coordinator's
   * view of that person; each one shown is audited as listed.
   */
  async ofPerson(coordinator: Actor, userId: string, limit: number): Promise<PairingView[]> {
    const pairings = await this.repo.pairingsOf(userId, limit, this.dataSource.manager);
    const view = await this.viewer(coordinator, pairings);
    await this.audit.recordRead(
      coordinator,
      'pairing.listed',
      pairings.map((p) => p.id),
    );
    return pairings.map(view);
  }

  /** One pairing as `actor` may see it (the answer to creating, re-planning or ending it). */
  async one(actor: Actor, pairing: Pairing): Promise<PairingView> {
    return (await this.viewer(actor, [pairing]))(pairing);
  }

  /** Maps `pairings` to views, after one lookup of the names and contacts they show. */
  private async viewer(actor: Actor, pairings: Pairing[]): Promise<(p: Pairing) => PairingView> {
    const contacts = await this.contactsFor(actor, pairings);
    const coordinator = actor.role === Role.Coordinator;
    const names = await this.identity.getMany([
      ...pairings.map((p) => p.buddyId),
      ...(coordinator ? pairings.map((p) => p.volunteerId) : []),
    ]);
    const nameOf = (id: string) => names.get(id)?.name ?? null;
    return (p) =>
      toPairingView(p, {
        buddyName: firstName(nameOf(p.buddyId)),
        contact: contacts.get(p.id) ?? null,
        people: coordinator
          ? { volunteerName: nameOf(p.volunteerId), buddyName: nameOf(p.buddyId) }
          : null,
      });
  }

  /**
   * The volunteer's name, phone and Skype handle, for their buddy only, only while the pairing is
   * active and only while the volunteer consents to processing and to sharing with their buddy.
   * (A buddy has a handful of active pairings, so the per-pairing lookups stay few.)
   */
  private async contactsFor(actor: Actor, pairings: Pairing[]): Promise<Map<string, ContactView>> {
    const visible = pairings.filter((p) => p.status === 'active' && p.buddyId === actor.id);
    const out = new Map<string, ContactView>();
    if (visible.length === 0) return out;
    const requests = await this.dataSource
      .getRepository(BuddyRequest)
      .findBy({ id: In(visible.map((p) => p.requestId)) });
    const skype = new Map(requests.map((r) => [r.id, r.skypeHandle]));
    const volunteers = await this.identity.getMany(visible.map((p) => p.volunteerId));
    for (const p of visible) {
      const consents =
        (await this.consent.hasConsent(p.volunteerId, ConsentPurpose.DataProcessing)) &&
        (await this.consent.hasConsent(p.volunteerId, ConsentPurpose.ShareWithBuddy));
      const volunteer = volunteers.get(p.volunteerId);
      if (!consents || !volunteer) continue;
      out.set(p.id, {
        name: volunteer.name,
        phone: volunteer.phone,
        skypeHandle: p.channel === 'skype' ? (skype.get(p.requestId) ?? null) : null,
      });
    }
    return out;
  }
}
