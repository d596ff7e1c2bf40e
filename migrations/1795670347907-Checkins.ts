import { MigrationInterface, QueryRunner } from 'typeorm';

export class Checkins1795670347907 implements MigrationInterface {
  name = 'Checkins1795670347907';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "buddy_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "volunteer_id" uuid NOT NULL, "phase" text NOT NULL, "languages" text array NOT NULL, "preferred_kind" text, "channel" text NOT NULL, "skype_handle" text, "timezone" text NOT NULL, "call_windows" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "buddy_request_windows_check" CHECK (jsonb_typeof("call_windows") = 'array'), CONSTRAINT "buddy_request_languages_check" CHECK (cardinality("languages") >= 1), CONSTRAINT "buddy_request_skype_check" CHECK ("channel" = 'skype' OR "skype_handle" IS NULL), CONSTRAINT "buddy_request_channel_check" CHECK ("channel" IN ('phone', 'skype')), CONSTRAINT "buddy_request_kind_check" CHECK ("preferred_kind" IN ('therapist', 'humanitarian')), CONSTRAINT "buddy_request_phase_check" CHECK ("phase" IN ('deployed', 'returned')), CONSTRAINT "buddy_request_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "buddy_request_volunteer_idx" ON "buddy_request" ("volunteer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "pairing" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "buddy_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'active', "channel" text NOT NULL, "cadence" text NOT NULL, "weekday" smallint NOT NULL, "local_time" text NOT NULL, "timezone" text NOT NULL, "anchor_on" date NOT NULL, "ends_on" date, "flagged_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by" uuid, "ended_reason" text, CONSTRAINT "pairing_two_people_check" CHECK ("volunteer_id" <> "buddy_id"), CONSTRAINT "pairing_ended_check" CHECK (("status" = 'ended') = ("ended_at" IS NOT NULL)), CONSTRAINT "pairing_local_time_check" CHECK ("local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'), CONSTRAINT "pairing_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "pairing_cadence_check" CHECK ("cadence" IN ('weekly', 'fortnightly')), CONSTRAINT "pairing_channel_check" CHECK ("channel" IN ('phone', 'skype')), CONSTRAINT "pairing_status_check" CHECK ("status" IN ('active', 'ended')), CONSTRAINT "pairing_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "pairing_created_idx" ON "pairing" ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "pairing_buddy_idx" ON "pairing" ("buddy_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "pairing_one_active_per_volunteer" ON "pairing" ("volunteer_id") WHERE "status" = 'active'`,
    );
    await queryRunner.query(
      `CREATE TABLE "checkin" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "pairing_id" uuid NOT NULL, "scheduled_for" TIMESTAMP WITH TIME ZONE NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'scheduled', "wellbeing" text, "note" text, "outcome_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "checkin_pairing_scheduled_key" UNIQUE ("pairing_id", "scheduled_for"), CONSTRAINT "checkin_cancelled_check" CHECK (("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)), CONSTRAINT "checkin_outcome_check" CHECK (("status" IN ('completed', 'missed')) = ("outcome_at" IS NOT NULL)), CONSTRAINT "checkin_wellbeing_check" CHECK ("wellbeing" IS NULL OR ("wellbeing" IN ('ok', 'concern') AND "status" = 'completed')), CONSTRAINT "checkin_status_check" CHECK ("status" IN ('scheduled', 'completed', 'missed', 'cancelled')), CONSTRAINT "checkin_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "checkin_starts_idx" ON "checkin" ("starts_at", "id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "checkin_pairing_starts_key" ON "checkin" ("pairing_id", "starts_at") WHERE "status" <> 'cancelled'`,
    );
    await queryRunner.query(
      `CREATE TABLE "buddy_load" ("buddy_id" uuid NOT NULL, "active_pairings" integer NOT NULL DEFAULT '0', CONSTRAINT "buddy_load_count_check" CHECK ("active_pairings" >= 0), CONSTRAINT "buddy_load_pkey" PRIMARY KEY ("buddy_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "buddy_request" ADD CONSTRAINT "buddy_request_volunteer_fk" FOREIGN KEY ("volunteer_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pairing" ADD CONSTRAINT "pairing_request_fk" FOREIGN KEY ("request_id") REFERENCES "buddy_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pairing" ADD CONSTRAINT "pairing_volunteer_fk" FOREIGN KEY ("volunteer_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "pairing" ADD CONSTRAINT "pairing_buddy_fk" FOREIGN KEY ("buddy_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "checkin" ADD CONSTRAINT "checkin_pairing_fk" FOREIGN KEY ("pairing_id") REFERENCES "pairing"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buddy_load" ADD CONSTRAINT "buddy_load_buddy_fk" FOREIGN KEY ("buddy_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // buddy_load follows the pairings: +1 when one becomes active, -1 when one stops being so.
    await queryRunner.query(`
          CREATE FUNCTION buddy_load_follow_pairing() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
              IF OLD.status = 'active' THEN
                UPDATE buddy_load SET active_pairings = active_pairings - 1
                 WHERE buddy_id = OLD.buddy_id;
              END IF;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
              IF NEW.status = 'active' THEN
                INSERT INTO buddy_load (buddy_id, active_pairings) VALUES (NEW.buddy_id, 1)
                ON CONFLICT (buddy_id)
                DO UPDATE SET active_pairings = buddy_load.active_pairings + 1;
              END IF;
            END IF;
            RETURN NULL;
          END $$`);
    await queryRunner.query(`
          CREATE TRIGGER pairing_buddy_load
          AFTER INSERT OR DELETE OR UPDATE OF status, buddy_id ON "pairing"
          FOR EACH ROW EXECUTE FUNCTION buddy_load_follow_pairing()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "pairing_buddy_load" ON "pairing"`);
    await queryRunner.query(`DROP FUNCTION buddy_load_follow_pairing()`);
    await queryRunner.query(`ALTER TABLE "buddy_load" DROP CONSTRAINT "buddy_load_buddy_fk"`);
    await queryRunner.query(`ALTER TABLE "checkin" DROP CONSTRAINT "checkin_pairing_fk"`);
    await queryRunner.query(`ALTER TABLE "pairing" DROP CONSTRAINT "pairing_buddy_fk"`);
    await queryRunner.query(`ALTER TABLE "pairing" DROP CONSTRAINT "pairing_volunteer_fk"`);
    await queryRunner.query(`ALTER TABLE "pairing" DROP CONSTRAINT "pairing_request_fk"`);
    await queryRunner.query(
      `ALTER TABLE "buddy_request" DROP CONSTRAINT "buddy_request_volunteer_fk"`,
    );
    await queryRunner.query(`DROP TABLE "buddy_load"`);
    await queryRunner.query(`DROP INDEX "public"."checkin_pairing_starts_key"`);
    await queryRunner.query(`DROP INDEX "public"."checkin_starts_idx"`);
    await queryRunner.query(`DROP TABLE "checkin"`);
    await queryRunner.query(`DROP INDEX "public"."pairing_one_active_per_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."pairing_buddy_idx"`);
    await queryRunner.query(`DROP INDEX "public"."pairing_created_idx"`);
    await queryRunner.query(`DROP TABLE "pairing"`);
    await queryRunner.query(`DROP INDEX "public"."buddy_request_volunteer_idx"`);
    await queryRunner.query(`DROP TABLE "buddy_request"`);
  }
}
