import { MigrationInterface, QueryRunner } from 'typeorm';

/** Old action → new (issue 13): singular nouns, words joined by `_`, a past participle. */
const RENAMED: ReadonlyArray<readonly [string, string]> = [
  ['buddy-request.created', 'buddy_request.created'],
  ['buddy-request.matches-read', 'buddy_request.matches_read'],
  ['checkin.outcome', 'checkin.outcome_recorded'],
  ['checkins.listed', 'checkin.listed'],
  ['notifications.listed', 'notification.listed'],
  ['pairings.listed', 'pairing.listed'],
  ['session.outcome', 'session.outcome_recorded'],
  ['vetting.queue_read', 'vetting.listed'],
];

/**
 * Renames stored audit actions (and the target type `buddy-request`) to the typed vocabulary in
 * `src/audit/audit-actions.ts`, so one name means one thing across old and new rows. Only the
 * labels change: who, when, what and the details stay as written.
 *
 * `audit_event` is append-only by trigger. The trigger is disabled and re-enabled inside this
 * migration's own transaction: PostgreSQL's DDL is transactional, so no other session ever sees
 * it disabled, and the lock ALTER TABLE takes keeps every other writer out until the commit.
 * Outside a transaction this refuses to run rather than risk leaving the trigger off.
 */
export class AuditVocabulary1796100000000 implements MigrationInterface {
  name = 'AuditVocabulary1796100000000';

  public async up(q: QueryRunner): Promise<void> {
    await rename(q, RENAMED, ['buddy-request', 'buddy_request']);
  }

  public async down(q: QueryRunner): Promise<void> {
    await rename(
      q,
      RENAMED.map(([from, to]) => [to, from] as const),
      ['buddy_request', 'buddy-request'],
    );
  }
}

async function rename(
  q: QueryRunner,
  actions: ReadonlyArray<readonly [string, string]>,
  [fromType, toType]: readonly [string, string],
): Promise<void> {
  if (!q.isTransactionActive) {
    throw new Error('AuditVocabulary must run inside a transaction (it lifts a trigger)');
  }
  await q.query(`ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_append_only"`);
  for (const [from, to] of actions) {
    await q.query(`UPDATE "audit_event" SET "action" = $2 WHERE "action" = $1`, [from, to]);
  }
  await q.query(`UPDATE "audit_event" SET "target_type" = $2 WHERE "target_type" = $1`, [
    fromType,
    toType,
  ]);
  await q.query(`ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_append_only"`);
}
