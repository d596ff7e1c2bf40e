/**
 * The physical limit of a booking: the least a transaction can send and still keep every invariant,
 * written by hand against the same schema (not a trimmed copy of ours). One round trip reads every
 * row the rules need (the volunteer's consents and the texts' versions, the request, the
 * therapist's vetting and profile, the availability rules and that day's exceptions, the sessions
 * around the slot, the next entitlement); then the writes the database checks: the session
 * (overlap EXCLUDE, one-session index, the vetted-therapist trigger), the request marked booked,
 * the outbox rows (two confirmations and four reminders, as ours), the audit row, and the month's
 * lock and count. Nine statements with BEGIN and COMMIT.
 */
import type { PoolClient } from 'pg';
import type { RawBooking } from './raw';

const PURPOSES = ['data_processing', 'share_with_therapist'];
const HOUR = 3_600_000;

export async function minimalBooking(client: PoolClient, b: RawBooking): Promise<void> {
  const endsAt = new Date(b.startsAt.getTime() + HOUR);
  try {
    await client.query('BEGIN');
    const {
      rows: [read],
    } = await client.query<{ grant_no: number | null; request: { modality: string } | null }>(
      `SELECT
         (SELECT json_agg(e) FROM (
            SELECT DISTINCT ON (purpose) purpose, granted, version FROM consent_event
             WHERE subject_id = $1 AND purpose = ANY ($2::text[]) ORDER BY purpose, seq DESC) e) AS consents,
         (SELECT json_agg(t) FROM (
            SELECT purpose, max(version) AS version FROM consent_text
             WHERE purpose = ANY ($2::text[]) GROUP BY purpose) t) AS texts,
         (SELECT row_to_json(q) FROM session_request q WHERE q.id = $3) AS request,
         (SELECT row_to_json(v) FROM vetting v WHERE v.account_id = $4) AS vetting,
         (SELECT row_to_json(p) FROM therapist_profile p WHERE p.account_id = $4) AS profile,
         (SELECT json_agg(r) FROM availability_rule r WHERE r.user_id = $4) AS rules,
         (SELECT json_agg(x) FROM availability_exception x
           WHERE x.user_id = $4 AND x.date BETWEEN $5::date - 1 AND $5::date + 1) AS exceptions,
         (SELECT json_agg(s.id) FROM session s
           WHERE s.therapist_id = $4 AND s.status = 'booked'
             AND tstzrange(s.starts_at, s.blocked_until) && tstzrange($5, $6)) AS busy,
         (SELECT e.grant_no
            FROM (SELECT NULL::int AS grant_no
                  UNION ALL SELECT grant_no FROM session_grant WHERE volunteer_id = $1) e
           WHERE NOT EXISTS (SELECT 1 FROM session s
                              WHERE s.volunteer_id = $1
                                AND s.grant_no IS NOT DISTINCT FROM e.grant_no
                                AND s.status IN ('booked', 'completed', 'no_show'))
           ORDER BY e.grant_no NULLS FIRST LIMIT 1) AS grant_no`,
      [b.volunteerId, PURPOSES, b.requestId, b.therapistId, b.startsAt, endsAt],
    );
    const {
      rows: [session],
    } = await client.query<{ id: string }>(
      `INSERT INTO session (request_id, volunteer_id, therapist_id, grant_no, modality, status,
                            starts_at, ends_at, blocked_until, month)
       VALUES ($1, $2, $3, $4, $5, 'booked', $6, $7, $7, $8) RETURNING id`,
      [
        b.requestId,
        b.volunteerId,
        b.therapistId,
        read.grant_no,
        read.request?.modality ?? 'video',
        b.startsAt,
        endsAt,
        b.month,
      ],
    );
    await client.query(
      `UPDATE session_request SET status = 'booked' WHERE id = $1 AND status IN ('open', 'booked')`,
      [b.requestId],
    );
    const about = `session:${session.id}`;
    const rows = [b.volunteerId, b.therapistId].flatMap((to) => [
      [to, 'session_confirmation', new Date()],
      [to, 'session_reminder', new Date(b.startsAt.getTime() - 24 * HOUR)],
      [to, 'session_reminder', new Date(b.startsAt.getTime() - HOUR)],
    ]);
    await client.query(
      `INSERT INTO notification (recipient_id, template, about, payload, idempotency_key, due_at)
       SELECT r.recipient, r.template, $1, jsonb_build_object('sessionId', $2::text), $1 || ':' || r.n, r.due
         FROM unnest($3::uuid[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS r(recipient, template, due, n)`,
      [about, session.id, ...[0, 1, 2].map((k) => rows.map((r) => r[k]))],
    );
    await client.query(
      `INSERT INTO audit_event (actor_id, actor_role, action, target_type, target_id, details)
       VALUES ($1, 'volunteer', 'session.booked', 'session', $2, $3)`,
      [b.volunteerId, session.id, { therapistId: b.therapistId, grantNo: read.grant_no }],
    );
    await client.query(
      `INSERT INTO session_capacity_month (therapist_id, month) VALUES ($1, $2)
       ON CONFLICT (therapist_id, month) DO UPDATE SET month = EXCLUDED.month`,
      [b.therapistId, b.month],
    );
    await client.query(
      `SELECT count(*)::int AS used FROM session
        WHERE therapist_id = $1 AND month = $2 AND status <> 'cancelled'`,
      [b.therapistId, b.month],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
