import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { SessionRequest, SessionRequestStatus } from './session-request.entity';

/** Session requests nobody has booked from yet: a volunteer's own, and the coordinator's counts. */
@Injectable()
export class OpenSessionRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open requests made before `cutoff`: still waiting for a booking. */
  async countOlderThan(cutoff: Date): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM session_request WHERE status = 'open' AND created_at < $1`,
      [cutoff],
    );
    return row.n;
  }

  /** Open requests made before `cutoff`, oldest first, at most `limit`. */
  listOlderThan(cutoff: Date, limit: number): Promise<SessionRequest[]> {
    return this.dataSource.getRepository(SessionRequest).find({
      where: { status: 'open', createdAt: LessThan(cutoff) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Serialises the changes to one volunteer's open request (asking, and a cancelled session
   * opening its request again) for the rest of the transaction; the unique index is the rule,
   * this lock turns its race into a clean answer.
   */
  async lockVolunteer(volunteerId: string, em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('session_request:' || $1, 0))`, [
      volunteerId,
    ]);
  }

  /** The volunteer's open request, if any. */
  openOf(volunteerId: string, em: EntityManager): Promise<SessionRequest | null> {
    return em.findOneBy(SessionRequest, { volunteerId, status: 'open' });
  }

  /** Closes an open request (withdrawn or lapsed); false when it was not open any more. */
  async close(
    id: string,
    status: Extract<SessionRequestStatus, 'withdrawn' | 'lapsed'>,
    at: Date,
    em: EntityManager,
  ): Promise<boolean> {
    const [, affected] = await em.query<[unknown, number]>(
      `UPDATE session_request SET status = $2, closed_at = $3 WHERE id = $1 AND status = 'open'`,
      [id, status, at],
    );
    return affected === 1;
  }

  /** A session was booked from the request; false when it was withdrawn or lapsed meanwhile. */
  async markBooked(id: string, em: EntityManager): Promise<boolean> {
    const [, affected] = await em.query<[unknown, number]>(
      `UPDATE session_request SET status = 'booked' WHERE id = $1 AND status IN ('open', 'booked')`,
      [id],
    );
    return affected === 1;
  }

  /**
   * A cancelled session gives its request back to the volunteer, to choose another time, unless
   * its dates have passed, another session from it still stands, or they have asked again since.
   */
  async reopen(id: string, volunteerId: string, now: Date, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE session_request r SET status = 'open'
        WHERE r.id = $1 AND r.status = 'booked' AND r.not_after > $3
          AND NOT EXISTS (SELECT 1 FROM session s WHERE s.request_id = r.id AND s.status <> 'cancelled')
          AND NOT EXISTS (SELECT 1 FROM session_request o WHERE o.volunteer_id = $2 AND o.status = 'open')`,
      [id, volunteerId, now],
    );
  }
}
