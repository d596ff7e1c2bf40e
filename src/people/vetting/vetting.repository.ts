import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Position } from '../../common/pagination';
import type { LocalDate, VettedRole, VettingStatus } from '../people.types';
import { VettingDecision, VettingDecisionKind } from './vetting-decision.entity';
import { VettingNote } from './vetting-note.entity';
import { Vetting } from './vetting.entity';

export interface NewDecision {
  accountId: string;
  decision: VettingDecisionKind;
  fromStatus: VettingStatus | null;
  toStatus: VettingStatus;
  decidedBy: string | null;
  decidedAt: Date;
  expiresOn: LocalDate | null;
  note?: string;
}

/** UPDATE ... RETURNING answers [rows, rowCount] through TypeORM's postgres driver. */
interface LapsingRow {
  account_id: string;
  expires_on: LocalDate;
}

export interface DecisionRow {
  decision: VettingDecision;
  note: string | null;
}

/** The vetting queries, named; every method runs on the caller's manager. */
@Injectable()
export class VettingRepository {
  /** Creates a pending vetting unless one exists; true when this call created it. */
  async openIfMissing(accountId: string, role: VettedRole, at: Date, em: EntityManager) {
    const rows: unknown[] = await em.query(
      `INSERT INTO vetting (account_id, role, status, status_since)
       VALUES ($1, $2, 'pending', $3)
       ON CONFLICT (account_id) DO NOTHING
       RETURNING account_id`,
      [accountId, role, at],
    );
    return rows.length === 1;
  }

  /**
   * The ids of `role` whose vetting is verified and unexpired on `today`, among `candidateIds`
   * (all when null), in id order.
   */
  /** The matchable rule in SQL; `isMatchableOn` (people.service.ts) is the same for one state. */
  async verifiedIds(
    role: VettedRole,
    today: LocalDate,
    candidateIds: string[] | null,
    em: EntityManager,
  ): Promise<string[]> {
    const rows: Array<{ account_id: string }> = await em.query(
      `SELECT account_id
         FROM vetting
        WHERE role = $1
          AND status = 'verified'
          AND expires_on > $2::date
          AND ($3::uuid[] IS NULL OR account_id = ANY ($3::uuid[]))
        ORDER BY account_id`,
      [role, today, candidateIds],
    );
    return rows.map((r) => r.account_id);
  }

  findMany(accountIds: string[], em: EntityManager): Promise<Vetting[]> {
    return em.findBy(Vetting, { accountId: In(accountIds) });
  }

  /** The person's vetting, locked until the transaction ends. */
  lock(accountId: string, em: EntityManager): Promise<Vetting | null> {
    return em.findOne(Vetting, { where: { accountId }, lock: { mode: 'pessimistic_write' } });
  }

  async update(accountId: string, change: Partial<Vetting>, em: EntityManager): Promise<Vetting> {
    await em.update(Vetting, { accountId }, change);
    return em.findOneByOrFail(Vetting, { accountId });
  }

  async appendDecision(d: NewDecision, em: EntityManager): Promise<string> {
    const { note, ...row } = d;
    const result = await em.insert(VettingDecision, row);
    const id = (result.identifiers[0] as { id: string }).id;
    if (note) await em.insert(VettingNote, { decisionId: id, text: note });
    return id;
  }

  async history(accountId: string, em: EntityManager): Promise<DecisionRow[]> {
    const decisions = await em.find(VettingDecision, {
      where: { accountId },
      order: { seq: 'ASC' },
    });
    if (decisions.length === 0) return [];
    const notes = await em.findBy(VettingNote, { decisionId: In(decisions.map((d) => d.id)) });
    const byId = new Map(notes.map((n) => [n.decisionId, n.text]));
    return decisions.map((decision) => ({ decision, note: byId.get(decision.id) ?? null }));
  }

  async deleteNotes(accountId: string, em: EntityManager): Promise<void> {
    await em.query(
      `DELETE FROM vetting_note
        WHERE decision_id IN (SELECT id FROM vetting_decision WHERE account_id = $1)`,
      [accountId],
    );
  }

  /** The coordinator's queue: oldest status first, keyset-paginated on (status_since, account_id). */
  page(
    status: VettingStatus | undefined,
    limit: number,
    after: Position | undefined,
    em: EntityManager,
  ) {
    const q = em
      .getRepository(Vetting)
      .createQueryBuilder('v')
      .orderBy('v.status_since', 'ASC')
      .addOrderBy('v.account_id', 'ASC')
      .limit(limit + 1);
    if (status) q.andWhere('v.status = :status', { status });
    if (after) {
      q.andWhere('(v.status_since, v.account_id) > (:at, :id)', { at: after.at, id: after.id });
    }
    return q.getMany();
  }

  /** Verified vetting whose expiry day has come: marked expired, returned. */
  async expireDue(today: LocalDate, at: Date, em: EntityManager) {
    const [rows] = await em.query<[LapsingRow[], number]>(
      `UPDATE vetting
          SET status = 'expired', status_since = $2
        WHERE status = 'verified' AND expires_on <= $1::date
       RETURNING account_id, expires_on::text AS expires_on`,
      [today, at],
    );
    return rows;
  }

  /**
   * Verified vetting that lapses within `days` and has not been warned about for this expiry
   * date: marked warned, returned. A renewal changes the date, so the next lapse warns again.
   */
  async markWarnings(today: LocalDate, days: number, em: EntityManager) {
    const [rows] = await em.query<[LapsingRow[], number]>(
      `UPDATE vetting
          SET warned_for = expires_on
        WHERE status = 'verified'
          AND expires_on > $1::date
          AND expires_on <= $1::date + $2::int
          AND warned_for IS DISTINCT FROM expires_on
       RETURNING account_id, expires_on::text AS expires_on`,
      [today, days],
    );
    return rows;
  }
}
