import { forgetIdempotencyKeys } from '../common/idempotency';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Position } from '../common/pagination';
import { SessionGrant } from './session-grant.entity';
import { SessionRequest } from './session-request.entity';
import { Session } from './session.entity';
import { SessionStatus } from './session.types';

export interface BusyInterval {
  id: string;
  userId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface SessionFilter {
  volunteerId?: string;
  therapistId?: string;
  status?: SessionStatus;
  after?: Position;
  limit: number;
}

/** The named queries of the sessions module; every method runs on the caller's manager. */
/** A session as a signed link needs it. */
export interface SessionState {
  id: string;
  volunteerId: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  status: SessionStatus;
}

@Injectable()
export class SessionsRepository {
  findRequest(id: string, em: EntityManager): Promise<SessionRequest | null> {
    return em.findOneBy(SessionRequest, { id });
  }

  /** The session, locked for a change of its state when `forUpdate`. */
  /** Who is on each of these sessions, when, its version and status (for signed links). */
  states(ids: readonly string[], em: EntityManager): Promise<SessionState[]> {
    return em.query<SessionState[]>(
      `SELECT id, volunteer_id AS "volunteerId", therapist_id AS "therapistId",
              starts_at AS "startsAt", ends_at AS "endsAt", sequence, status
         FROM session WHERE id = ANY ($1::uuid[])`,
      [[...new Set(ids)]],
    );
  }

  /** Whether the volunteer has, or had, any session with the therapist. */
  async haveMet(volunteerId: string, therapistId: string, em: EntityManager): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM session WHERE volunteer_id = $1 AND therapist_id = $2 LIMIT 1`,
      [volunteerId, therapistId],
    );
    return rows.length > 0;
  }

  findSession(id: string, forUpdate: boolean, em: EntityManager): Promise<Session | null> {
    const q = em.createQueryBuilder(Session, 's').where('s.id = :id', { id });
    if (forUpdate) q.setLock('pessimistic_write');
    return q.getOne();
  }

  /**
   * The entitlement a new booking uses: the free session (null) or the lowest coordinator grant
   * not yet taken by a booked, completed or no-show session; undefined when none is left. The
   * unique index `session_one_per_volunteer` settles concurrent bookings.
   */
  async nextEntitlement(
    volunteerId: string,
    em: EntityManager,
  ): Promise<number | null | undefined> {
    const rows: Array<{ grant_no: number | null }> = await em.query(
      `SELECT e.grant_no
         FROM (SELECT NULL::int AS grant_no
               UNION ALL
               SELECT grant_no FROM session_grant WHERE volunteer_id = $1) e
        WHERE NOT EXISTS (
                SELECT 1 FROM session s
                 WHERE s.volunteer_id = $1
                   AND s.grant_no IS NOT DISTINCT FROM e.grant_no
                   AND s.status IN ('booked', 'completed', 'no_show'))
        ORDER BY e.grant_no NULLS FIRST
        LIMIT 1`,
      [volunteerId],
    );
    return rows.length === 0 ? undefined : rows[0].grant_no;
  }

  /**
   * Locks the therapist's month (one row per therapist and month, created on first use) until the
   * transaction ends. Bookings and reschedules into the same month queue here, so each counts the
   * month's sessions after the previous one committed. Taken as the last write of the transaction
   * (see BookSession), so a holder never waits on another transaction's row.
   */
  async lockMonth(therapistId: string, month: string, em: EntityManager): Promise<void> {
    // One statement: the no-op update of an existing row takes the same row lock as FOR UPDATE.
    await em.query(
      `INSERT INTO session_capacity_month (therapist_id, month) VALUES ($1, $2)
       ON CONFLICT (therapist_id, month) DO UPDATE SET month = EXCLUDED.month`,
      [therapistId, month],
    );
  }

  /** Sessions of the therapist in the month that are not cancelled, this transaction's included. */
  async countMonth(therapistId: string, month: string, em: EntityManager): Promise<number> {
    const [row] = await em.query<Array<{ used: number }>>(
      `SELECT count(*)::int AS used FROM session
        WHERE therapist_id = $1 AND month = $2 AND status <> 'cancelled'`,
      [therapistId, month],
    );
    return row.used;
  }

  /** Sessions that are not cancelled, per therapist and month (`YYYY-MM-01`), in one query. */
  async monthlyCounts(
    therapistIds: string[],
    months: string[],
    em: EntityManager,
  ): Promise<Map<string, Map<string, number>>> {
    const counts = new Map<string, Map<string, number>>();
    if (therapistIds.length === 0 || months.length === 0) return counts;
    const rows: Array<{ therapist_id: string; month: string; used: number }> = await em.query(
      `SELECT therapist_id, to_char(month, 'YYYY-MM-DD') AS month, count(*)::int AS used
         FROM session
        WHERE therapist_id = ANY ($1::uuid[]) AND month = ANY ($2::date[]) AND status <> 'cancelled'
        GROUP BY therapist_id, month`,
      [therapistIds, months],
    );
    for (const r of rows) {
      const byMonth = counts.get(r.therapist_id) ?? new Map<string, number>();
      byMonth.set(r.month, r.used);
      counts.set(r.therapist_id, byMonth);
    }
    return counts;
  }

  /**
   * The times the therapists are blocked by sessions that are not cancelled, widened by the
   * buffer on both sides (a new session must end a buffer before one starts, and start a buffer
   * after one ends: the same rule as the `session_no_overlap` constraint).
   */
  busyIntervals(
    therapistIds: string[],
    range: { from: Date; to: Date },
    em: EntityManager,
  ): Promise<BusyInterval[]> {
    if (therapistIds.length === 0) return Promise.resolve([]);
    return em.query(
      `SELECT id,
              therapist_id AS "userId",
              starts_at - (blocked_until - ends_at) AS "startsAt",
              blocked_until AS "endsAt"
         FROM session
        WHERE therapist_id = ANY ($1::uuid[])
          AND status <> 'cancelled'
          AND tstzrange(starts_at - (blocked_until - ends_at), blocked_until) && tstzrange($2, $3)`,
      [therapistIds, range.from, range.to],
    );
  }

  /** The therapist's booked sessions starting after `now` that overlap `range`, locked. */
  bookedOverlapping(
    therapistId: string,
    range: { from: Date; to: Date },
    now: Date,
    em: EntityManager,
  ): Promise<Session[]> {
    return em
      .createQueryBuilder(Session, 's')
      .where('s.therapist_id = :therapistId', { therapistId })
      .andWhere('s.status = :booked', { booked: SessionStatus.Booked })
      .andWhere('s.starts_at > :now', { now })
      .andWhere('s.starts_at < :to AND s.ends_at > :from', range)
      .orderBy('s.starts_at')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Booked sessions starting after `now` where the person is the volunteer (or either side). */
  futureBooked(
    userId: string,
    now: Date,
    side: 'volunteer' | 'any',
    em: EntityManager,
  ): Promise<Session[]> {
    const q = em
      .createQueryBuilder(Session, 's')
      .where('s.status = :booked', { booked: SessionStatus.Booked })
      .andWhere('s.starts_at > :now', { now })
      .orderBy('s.starts_at')
      .setLock('pessimistic_write');
    if (side === 'volunteer') q.andWhere('s.volunteer_id = :userId', { userId });
    else q.andWhere('(s.volunteer_id = :userId OR s.therapist_id = :userId)', { userId });
    return q.getMany();
  }

  /** One page, newest start first (keyset on starts_at, id). */
  list(filter: SessionFilter, em: EntityManager): Promise<Session[]> {
    const q = em
      .createQueryBuilder(Session, 's')
      .orderBy('s.starts_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(filter.limit + 1);
    if (filter.volunteerId) q.andWhere('s.volunteer_id = :v', { v: filter.volunteerId });
    if (filter.therapistId) q.andWhere('s.therapist_id = :t', { t: filter.therapistId });
    if (filter.status) q.andWhere('s.status = :status', { status: filter.status });
    if (filter.after) {
      q.andWhere('(s.starts_at, s.id) < (:at, :id)', { at: filter.after.at, id: filter.after.id });
    }
    return q.getMany();
  }

  /** Requests and sessions of a person, for their data export. */
  async personalData(userId: string, em: EntityManager) {
    return {
      requests: await em.find(SessionRequest, {
        where: { volunteerId: userId },
        order: { createdAt: 'ASC' },
      }),
      sessions: await em.find(Session, {
        where: [{ volunteerId: userId }, { therapistId: userId }],
        order: { startsAt: 'ASC' },
      }),
      grants: await em.find(SessionGrant, {
        where: { volunteerId: userId },
        order: { grantNo: 'ASC' },
      }),
    };
  }

  /** Blanks the free text a person wrote or that people wrote about their sessions. */
  async blankFreeText(userId: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE session_request SET note = NULL WHERE volunteer_id = $1`, [userId]);
    await em.query(
      `UPDATE session SET cancel_reason = NULL
        WHERE (volunteer_id = $1 OR therapist_id = $1) AND cancelled_by IS NOT NULL`,
      [userId],
    );
    await em.query(`UPDATE session_grant SET reason = '(erased)' WHERE volunteer_id = $1`, [
      userId,
    ]);
    await forgetIdempotencyKeys(userId, em);
  }

  /** Locks the volunteer's grants and answers the next grant number. */
  async nextGrantNo(volunteerId: string, em: EntityManager): Promise<number> {
    const [row] = await em.query<Array<{ next: number }>>(
      `SELECT COALESCE(max(grant_no), 0) + 1 AS next FROM session_grant WHERE volunteer_id = $1`,
      [volunteerId],
    );
    return row.next;
  }
}
