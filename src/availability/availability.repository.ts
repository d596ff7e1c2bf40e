import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  formatLocalTime,
  LocalWindow,
  parseLocalTime,
  WeeklyWindow,
} from '../common/time/weekly-window';
import { Availability } from './slots';

/** Windows as the API and the database write them: `HH:mm` wall-clock times. */
export interface TimeWindow {
  start: string;
  end: string;
}

export interface StoredException {
  id: string;
  date: string;
  windows: TimeWindow[];
}

export interface StoredAvailability {
  timezone: string;
  weekly: Array<TimeWindow & { weekday: number }>;
  exceptions: StoredException[];
}

/** `HH:mm:ss` from PostgreSQL to `HH:mm`. */
const hhmm = (time: string) => formatLocalTime(parseLocalTime(time));
const toLocal = (w: TimeWindow): LocalWindow => ({
  start: parseLocalTime(w.start),
  end: parseLocalTime(w.end),
});

interface ScheduleRow {
  user_id: string;
  timezone: string;
  weekly: Array<TimeWindow & { weekday: number }>;
  exceptions: StoredException[];
}

/**
 * The availability tables. Reads are set-based: one statement for the weekly rules of any number
 * of people and their exceptions in a date range. Writes take the schedule row's lock first,
 * so concurrent changes by the same person apply one after the other.
 */
@Injectable()
export class AvailabilityRepository {
  /** For each of `userIds` that has set availability: its zone, rules and exceptions in the dates. */
  async load(
    userIds: string[],
    dates: { from: string; to: string } | null,
    em: EntityManager,
  ): Promise<Map<string, StoredAvailability>> {
    if (userIds.length === 0) return new Map();
    const schedules: ScheduleRow[] = await em.query(
      `SELECT s.user_id, s.timezone,
              COALESCE(
                (SELECT json_agg(json_build_object('weekday', r.weekday, 'start', r.start_time,
                                                   'end', r.end_time)
                                 ORDER BY r.weekday, r.start_time)
                   FROM availability_rule r
                  WHERE r.user_id = s.user_id),
                '[]') AS weekly,
              COALESCE(
                (SELECT json_agg(json_build_object(
                          'id', e.id,
                          'date', to_char(e.date, 'YYYY-MM-DD'),
                          'windows', COALESCE(
                            (SELECT json_agg(json_build_object('start', w.start_time,
                                                               'end', w.end_time)
                                             ORDER BY w.start_time)
                               FROM availability_exception_window w
                              WHERE w.exception_id = e.id),
                            '[]'))
                        ORDER BY e.date, e.id)
                   FROM availability_exception e
                  WHERE e.user_id = s.user_id
                    AND ($2::date IS NULL OR e.date >= $2::date)
                    AND ($3::date IS NULL OR e.date <= $3::date)),
                '[]') AS exceptions
         FROM availability_schedule s
        WHERE s.user_id = ANY ($1::uuid[])`,
      [userIds, dates?.from ?? null, dates?.to ?? null],
    );
    const result = new Map<string, StoredAvailability>(
      schedules.map((s) => [
        s.user_id,
        {
          timezone: s.timezone,
          weekly: s.weekly.map((w) => ({
            weekday: w.weekday,
            start: hhmm(w.start),
            end: hhmm(w.end),
          })),
          exceptions: s.exceptions.map((e) => ({
            id: e.id,
            date: e.date,
            windows: e.windows.map((w) => ({ start: hhmm(w.start), end: hhmm(w.end) })),
          })),
        },
      ]),
    );
    return result;
  }

  /** Replaces the weekly rules (and the zone) of `userId`. */
  async replaceWeekly(
    userId: string,
    timezone: string,
    weekly: Array<TimeWindow & { weekday: number }>,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `INSERT INTO availability_schedule (user_id, timezone) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone, updated_at = now()`,
      [userId, timezone],
    );
    await em.query(`DELETE FROM availability_rule WHERE user_id = $1`, [userId]);
    if (weekly.length === 0) return;
    await em.query(
      `INSERT INTO availability_rule (user_id, weekday, start_time, end_time)
       SELECT $1, w.weekday, w.start_time, w.end_time
         FROM unnest($2::smallint[], $3::time[], $4::time[]) AS w (weekday, start_time, end_time)`,
      [userId, weekly.map((w) => w.weekday), weekly.map((w) => w.start), weekly.map((w) => w.end)],
    );
  }

  /** Locks the schedule row of `userId`; false when the person has set no availability. */
  async lockSchedule(userId: string, em: EntityManager): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM availability_schedule WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return rows.length > 0;
  }

  /** Locks the schedule row of `userId` and answers its zone; null when no availability is set. */
  async lockZone(userId: string, em: EntityManager): Promise<string | null> {
    const rows: Array<{ timezone: string }> = await em.query(
      `SELECT timezone FROM availability_schedule WHERE user_id = $1 FOR UPDATE`,
      [userId],
    );
    return rows[0]?.timezone ?? null;
  }

  /**
   * Closes every date from `from` to `to` (both included): one exception with no windows each,
   * replacing the exceptions already on those dates. Two statements, whatever the number of days.
   */
  async closeDates(
    userId: string,
    from: string,
    to: string,
    em: EntityManager,
  ): Promise<StoredException[]> {
    const rows: Array<{ id: string; date: string }> = await em.query(
      `INSERT INTO availability_exception (user_id, date)
       SELECT $1, d::date FROM generate_series($2::date, $3::date, interval '1 day') AS d
       ON CONFLICT (user_id, date) DO UPDATE SET date = EXCLUDED.date
       RETURNING id, to_char(date, 'YYYY-MM-DD') AS date`,
      [userId, from, to],
    );
    await em.query(
      `DELETE FROM availability_exception_window WHERE exception_id = ANY ($1::uuid[])`,
      [rows.map((r) => r.id)],
    );
    return rows
      .map((r) => ({ id: r.id, date: r.date, windows: [] }))
      .sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Sets the exception of one date (replacing any earlier one); no windows closes the date. */
  async setException(
    userId: string,
    date: string,
    windows: TimeWindow[],
    em: EntityManager,
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await em.query(
      `INSERT INTO availability_exception (user_id, date) VALUES ($1, $2)
       ON CONFLICT (user_id, date) DO UPDATE SET date = EXCLUDED.date
       RETURNING id`,
      [userId, date],
    );
    await em.query(`DELETE FROM availability_exception_window WHERE exception_id = $1`, [id]);
    if (windows.length > 0) {
      await em.query(
        `INSERT INTO availability_exception_window (exception_id, start_time, end_time)
         SELECT $1, w.start_time, w.end_time
           FROM unnest($2::time[], $3::time[]) AS w (start_time, end_time)`,
        [id, windows.map((w) => w.start), windows.map((w) => w.end)],
      );
    }
    return id;
  }

  /** Deletes one of `userId`'s own exceptions; false when there is no such exception of theirs. */
  async deleteException(userId: string, id: string, em: EntityManager): Promise<boolean> {
    // TypeORM answers a DELETE with [rows, affected].
    const [, affected]: [unknown[], number] = await em.query(
      `DELETE FROM availability_exception WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return affected > 0;
  }

  /** Removes everything of `userId` (rules and exceptions go with the schedule). */
  async erase(userId: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM availability_schedule WHERE user_id = $1`, [userId]);
  }
}

/** The stored form as the slot maths reads it. */
export function toAvailability(stored: StoredAvailability): Availability {
  const weekly: WeeklyWindow[] = stored.weekly.map((w) => ({ weekday: w.weekday, ...toLocal(w) }));
  return {
    timezone: stored.timezone,
    weekly,
    exceptions: new Map(stored.exceptions.map((e) => [e.date, e.windows.map(toLocal)])),
  };
}
