import { MigrationInterface, QueryRunner } from 'typeorm';

export class Safeguarding1795670658121 implements MigrationInterface {
  name = 'Safeguarding1795670658121';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."concern_category" AS ENUM('volunteer_behaviour', 'child_at_risk', 'volunteer_wellbeing', 'possible_crime', 'other')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."concern_urgency" AS ENUM('low', 'medium', 'high', 'urgent')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."concern_status" AS ENUM('open', 'triaged', 'referred', 'closed')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."concern_source" AS ENUM('report', 'checkin')`);
    await queryRunner.query(
      `CREATE TABLE "concern" ("id" uuid NOT NULL, "reporter_id" uuid, "reporter_pseudonym" uuid, "subject_user_id" uuid, "subject_description_sealed" text, "category" "public"."concern_category" NOT NULL, "urgency" "public"."concern_urgency" NOT NULL, "details_sealed" text NOT NULL, "location_sealed" text, "occurred_at" TIMESTAMP WITH TIME ZONE, "status" "public"."concern_status" NOT NULL DEFAULT 'open', "source" "public"."concern_source" NOT NULL DEFAULT 'report', "checkin_id" uuid, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "concern_checkin_source" CHECK ((source = 'checkin') = (checkin_id IS NOT NULL)), CONSTRAINT "concern_subject_description_sealed" CHECK (subject_description_sealed IS NULL OR subject_description_sealed ~ '^v1\\.[A-Za-z0-9_-]+\\.'), CONSTRAINT "concern_location_sealed" CHECK (location_sealed IS NULL OR location_sealed ~ '^v1\\.[A-Za-z0-9_-]+\\.'), CONSTRAINT "concern_details_sealed" CHECK (details_sealed ~ '^v1\\.[A-Za-z0-9_-]+\\.'), CONSTRAINT "concern_subject_one" CHECK (num_nonnulls(subject_user_id, subject_description_sealed) = 1), CONSTRAINT "concern_reporter_one" CHECK (num_nonnulls(reporter_id, reporter_pseudonym) = 1), CONSTRAINT "concern_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_concern_checkin" ON "concern" ("checkin_id") WHERE checkin_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_concern_reporter" ON "concern" ("reporter_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_concern_created" ON "concern" ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."concern_entry_kind" AS ENUM('raised', 'status', 'note')`,
    );
    await queryRunner.query(`CREATE TABLE "concern_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "concern_id" uuid NOT NULL, "kind" "public"."concern_entry_kind" NOT NULL, "actor_id" uuid, "from_status" "public"."concern_status", "to_status" "public"."concern_status", "reason_sealed" text, "referred_to_sealed" text, "note_sealed" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "concern_entry_shape" CHECK ((kind = 'raised' AND from_status IS NULL AND to_status = 'open' AND actor_id IS NULL)
   OR (kind = 'status' AND reason_sealed IS NOT NULL
       AND (from_status, to_status) IN (('open', 'triaged'), ('triaged', 'referred'),
                                        ('triaged', 'closed'), ('referred', 'closed'))
       AND (to_status = 'referred') = (referred_to_sealed IS NOT NULL))
   OR (kind = 'note' AND note_sealed IS NOT NULL AND from_status IS NULL AND to_status IS NULL)), CONSTRAINT "concern_entry_pkey" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_concern_entry_concern" ON "concern_entry" ("concern_id", "seq") `,
    );
    // Audit times to the millisecond: the keyset cursor carries a JS Date, so rows that differ
    // only in microseconds were skipped between pages. Existing values are rounded.
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_actor"`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_actor" ON "audit_event" ("actor_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_target" ON "audit_event" ("target_type", "target_id", "at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "concern" ADD CONSTRAINT "concern_reporter_fk" FOREIGN KEY ("reporter_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "concern" ADD CONSTRAINT "concern_subject_fk" FOREIGN KEY ("subject_user_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "concern_entry" ADD CONSTRAINT "concern_entry_concern_fk" FOREIGN KEY ("concern_id") REFERENCES "concern"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "concern_entry" ADD CONSTRAINT "concern_entry_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The history of a concern is evidence: append-only.
    await queryRunner.query(`
          CREATE TRIGGER concern_entry_append_only BEFORE UPDATE OR DELETE ON "concern_entry"
          FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`
          CREATE TRIGGER concern_entry_no_truncate BEFORE TRUNCATE ON "concern_entry"
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER concern_entry_no_truncate ON "concern_entry"`);
    await queryRunner.query(`DROP TRIGGER concern_entry_append_only ON "concern_entry"`);
    await queryRunner.query(`ALTER TABLE "concern_entry" DROP CONSTRAINT "concern_entry_actor_fk"`);
    await queryRunner.query(
      `ALTER TABLE "concern_entry" DROP CONSTRAINT "concern_entry_concern_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "concern" DROP CONSTRAINT "concern_subject_fk"`);
    await queryRunner.query(`ALTER TABLE "concern" DROP CONSTRAINT "concern_reporter_fk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_event_actor"`);
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "at" TYPE TIMESTAMP(6) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_actor" ON "audit_event" ("actor_id", "at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_event_target" ON "audit_event" ("target_type", "target_id", "at")`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_concern_entry_concern"`);
    await queryRunner.query(`DROP TABLE "concern_entry"`);
    await queryRunner.query(`DROP TYPE "public"."concern_entry_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_concern_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_concern_reporter"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_concern_checkin"`);
    await queryRunner.query(`DROP TABLE "concern"`);
    await queryRunner.query(`DROP TYPE "public"."concern_source"`);
    await queryRunner.query(`DROP TYPE "public"."concern_status"`);
    await queryRunner.query(`DROP TYPE "public"."concern_urgency"`);
    await queryRunner.query(`DROP TYPE "public"."concern_category"`);
  }
}
