import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { CheckinEvent } from '../common/domain-events.service';
import { Checkin, CheckinStatus } from './checkin.entity';
import { Pairing } from './pairing.entity';

/** A call row as the SQL below returns it. */
export interface CallRow {
  id: string;
  pairingId: string;
  startsAt: Date;
}

const toCall = (r: { id: string; pairing_id: string; starts_at: Date }): CallRow => ({
  id: r.id,
  pairingId: r.pairing_id,
  startsAt: new Date(r.starts_at),
});

export const checkinEvent = (p: Pairing, call: CallRow): CheckinEvent => ({
  pairingId: p.id,
  volunteerId: p.volunteerId,
  buddyId: p.buddyId,
  checkinId: call.id,
  startsAt: call.startsAt,
  channel: p.channel,
});

/** The queries of pairings and their calls that deserve a name; every one runs on the caller's `em`. */
@Injectable()
export class PairingsRepository {
  /**
   * Locks the buddy's load row (creating it at zero the first time) and answers their active
   * pairings. Held until the transaction ends, so capacity checks on one buddy queue up.
   */
  async lockBuddyLoad(buddyId: string, em: EntityManager): Promise<number> {
    await em.query(
      `INSERT INTO buddy_load (buddy_id) VALUES ($1) ON CONFLICT (buddy_id) DO NOTHING`,
      [buddyId],
    );
    const [row] = await em.query<Array<{ active_pairings: number }>>(
      `SELECT active_pairings FROM buddy_load WHERE buddy_id = $1 FOR UPDATE`,
      [buddyId],
    );
    return row.active_pairings;
  }

  async activePairingCounts(buddyIds: string[], em: EntityManager): Promise<Map<string, number>> {
    if (buddyIds.length === 0) return new Map();
    const rows = await em.query<Array<{ buddy_id: string; active_pairings: number }>>(
      `SELECT buddy_id, active_pairings FROM buddy_load WHERE buddy_id = ANY ($1::uuid[])`,
      [buddyIds],
    );
    return new Map(rows.map((r) => [r.buddy_id, r.active_pairings]));
  }

  /** A person's pairings, as volunteer or buddy, newest first. */
  pairingsOf(userId: string, limit: number, em: EntityManager): Promise<Pairing[]> {
    return em
      .createQueryBuilder(Pairing, 'p')
      .where('p.volunteer_id = :userId OR p.buddy_id = :userId', { userId })
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  lockPairing(id: string, em: EntityManager): Promise<Pairing | null> {
    return em.findOne(Pairing, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The active pairings someone is in, locked; as the volunteer only, or on either side. */
  lockActivePairingsOf(
    userId: string,
    side: 'volunteer' | 'either',
    em: EntityManager,
  ): Promise<Pairing[]> {
    const q = em
      .createQueryBuilder(Pairing, 'p')
      .where(`p.status = 'active'`)
      .orderBy('p.id')
      .setLock('pessimistic_write');
    return side === 'volunteer'
      ? q.andWhere('p.volunteer_id = :userId', { userId }).getMany()
      : q.andWhere('(p.volunteer_id = :userId OR p.buddy_id = :userId)', { userId }).getMany();
  }

  /** Active pairings whose `endsOn` is before today in their own zone, locked. */
  lockFinishedPairings(now: Date, limit: number, em: EntityManager): Promise<Pairing[]> {
    return em
      .createQueryBuilder(Pairing, 'p')
      .where(`p.status = 'active'`)
      .andWhere(`p.ends_on < (CAST(:now AS timestamptz) AT TIME ZONE p.timezone)::date`, { now })
      .orderBy('p.id')
      .limit(limit)
      .setLock('pessimistic_write')
      .getMany();
  }

  /**
   * A batch of active pairings for the materialiser, in id order after `afterId`, share-locked so
   * that a pairing cannot end (and cancel its calls) while calls are being added to it.
   */
  activePairingsAfter(afterId: string, limit: number, em: EntityManager): Promise<Pairing[]> {
    return em
      .createQueryBuilder(Pairing, 'p')
      .where(`p.status = 'active'`)
      .andWhere('p.id > :afterId', { afterId })
      .orderBy('p.id')
      .limit(limit)
      .setLock('pessimistic_read')
      .getMany();
  }

  /** Adds planned calls; an occurrence that is already there is left alone (idempotent). */
  async insertCalls(rows: Array<{ pairingId: string; at: Date }>, em: EntityManager) {
    if (rows.length === 0) return [];
    const created = await em.query<Array<{ id: string; pairing_id: string; starts_at: Date }>>(
      `INSERT INTO checkin (pairing_id, scheduled_for, starts_at)
       SELECT u.pairing_id, u.at, u.at
         FROM unnest($1::uuid[], $2::timestamptz[]) AS u (pairing_id, at)
       ON CONFLICT DO NOTHING
       RETURNING id, pairing_id, starts_at`,
      [rows.map((r) => r.pairingId), rows.map((r) => r.at.toISOString())],
    );
    return created.map(toCall);
  }

  /** Cancels the pairing's calls still to come, except those planned at `keep`; answers them. */
  async cancelFutureCalls(
    pairingId: string,
    now: Date,
    keep: Date[],
    em: EntityManager,
  ): Promise<CallRow[]> {
    const rows = await em.query<[Array<{ id: string; pairing_id: string; starts_at: Date }>]>(
      `UPDATE checkin SET status = 'cancelled', cancelled_at = $2
        WHERE pairing_id = $1 AND status = 'scheduled' AND starts_at > $2
          AND scheduled_for <> ALL ($3::timestamptz[])
       RETURNING id, pairing_id, starts_at`,
      [pairingId, now, keep.map((d) => d.toISOString())],
    );
    return rows[0].map(toCall);
  }

  /**
   * Brings back calls an earlier re-plan cancelled when the new plan has them again (the unique
   * occurrence key would otherwise keep them out), unless another call now sits at that time. A
   * call a person cancelled stays cancelled.
   */
  async reviveCalls(pairingId: string, planned: Date[], em: EntityManager): Promise<CallRow[]> {
    const rows = await em.query<[Array<{ id: string; pairing_id: string; starts_at: Date }>]>(
      `UPDATE checkin c SET status = 'scheduled', cancelled_at = NULL, starts_at = c.scheduled_for
        WHERE c.pairing_id = $1 AND c.status = 'cancelled' AND c.cancelled_by IS NULL
          AND c.scheduled_for = ANY ($2::timestamptz[])
          AND NOT EXISTS (
                SELECT 1 FROM checkin o
                 WHERE o.pairing_id = c.pairing_id AND o.status <> 'cancelled'
                   AND o.starts_at = c.scheduled_for)
       RETURNING id, pairing_id, starts_at`,
      [pairingId, planned.map((d) => d.toISOString())],
    );
    return rows[0].map(toCall);
  }

  lockCall(id: string, em: EntityManager): Promise<Checkin | null> {
    return em.findOne(Checkin, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async pairingIdOfCall(id: string, em: EntityManager): Promise<string | null> {
    const [row] = await em.query<Array<{ pairing_id: string }>>(
      `SELECT pairing_id FROM checkin WHERE id = $1`,
      [id],
    );
    return row?.pairing_id ?? null;
  }

  /** Statuses of the calls just before and just after this one (cancelled calls do not count). */
  async neighbourStatuses(call: Checkin, em: EntityManager): Promise<CheckinStatus[]> {
    const rows = await em.query<Array<{ status: CheckinStatus }>>(
      `(SELECT status FROM checkin
         WHERE pairing_id = $1 AND status <> 'cancelled' AND id <> $2 AND starts_at < $3
         ORDER BY starts_at DESC LIMIT 1)
       UNION ALL
       (SELECT status FROM checkin
         WHERE pairing_id = $1 AND status <> 'cancelled' AND id <> $2 AND starts_at > $3
         ORDER BY starts_at ASC LIMIT 1)`,
      [call.pairingId, call.id, call.startsAt],
    );
    return rows.map((r) => r.status);
  }

  /** Flags the pairing unless it already is; true only the first time. */
  async flagOnce(pairingId: string, now: Date, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown, number]>(
      `UPDATE pairing SET flagged_at = $2 WHERE id = $1 AND flagged_at IS NULL`,
      [pairingId, now],
    );
    return count === 1;
  }

  async hasLiveCallAt(pairingId: string, at: Date, exceptId: string, em: EntityManager) {
    const rows = await em.query<unknown[]>(
      `SELECT 1 FROM checkin
        WHERE pairing_id = $1 AND starts_at = $2 AND status <> 'cancelled' AND id <> $3`,
      [pairingId, at, exceptId],
    );
    return rows.length > 0;
  }
}
