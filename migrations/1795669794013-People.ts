import { MigrationInterface, QueryRunner } from 'typeorm';

export class People1795669794013 implements MigrationInterface {
  name = 'People1795669794013';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "volunteer_profile" ("account_id" uuid NOT NULL, "preferred_name" text, "languages" text array NOT NULL, "organisation" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "volunteer_profile_pkey" PRIMARY KEY ("account_id"))`,
    );
    await queryRunner.query(`CREATE TABLE "vetting" ("account_id" uuid NOT NULL, "role" text NOT NULL, "status" text NOT NULL, "status_since" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "expires_on" date, "suspended_at" TIMESTAMP WITH TIME ZONE, "warned_for" date, CONSTRAINT "vetting_state_check" CHECK (CASE "status"
     WHEN 'pending' THEN "verified_at" IS NULL AND "verified_by" IS NULL AND "expires_on" IS NULL AND "suspended_at" IS NULL
     WHEN 'verified' THEN "verified_at" IS NOT NULL AND "verified_by" IS NOT NULL AND "expires_on" IS NOT NULL AND "suspended_at" IS NULL
     WHEN 'expired' THEN "verified_at" IS NOT NULL AND "expires_on" IS NOT NULL AND "suspended_at" IS NULL
     WHEN 'suspended' THEN "suspended_at" IS NOT NULL
   END), CONSTRAINT "vetting_status_check" CHECK ("status" IN ('pending', 'verified', 'suspended', 'expired')), CONSTRAINT "vetting_role_check" CHECK ("role" IN ('therapist', 'buddy')), CONSTRAINT "vetting_pkey" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(
      `CREATE INDEX "vetting_queue_idx" ON "vetting" ("status", "status_since", "account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vetting_decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "account_id" uuid NOT NULL, "decision" text NOT NULL, "from_status" text, "to_status" text NOT NULL, "decided_by" uuid, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_on" date, CONSTRAINT "vetting_decision_kind_check" CHECK ("decision" IN ('submitted', 'resubmitted', 'verified', 'suspended', 'expired', 'withdrawn')), CONSTRAINT "vetting_decision_pkey" PRIMARY KEY ("id"))`,
    );
    // The vetting history is append-only, like the audit trail and the consent ledger.
    await queryRunner.query(`
          CREATE TRIGGER vetting_decision_append_only BEFORE UPDATE OR DELETE ON "vetting_decision"
          FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`
          CREATE TRIGGER vetting_decision_no_truncate BEFORE TRUNCATE ON "vetting_decision"
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(
      `CREATE INDEX "vetting_decision_account_idx" ON "vetting_decision" ("account_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "vetting_note" ("decision_id" uuid NOT NULL, "text" text NOT NULL, CONSTRAINT "vetting_note_pkey" PRIMARY KEY ("decision_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "therapist_profile" ("account_id" uuid NOT NULL, "membership_body" text NOT NULL, "membership_number" text NOT NULL, "modalities" text array NOT NULL, "town" text, "languages" text array NOT NULL, "session_minutes" integer NOT NULL DEFAULT '50', "monthly_capacity" integer NOT NULL DEFAULT '2', "minimum_notice_hours" integer NOT NULL DEFAULT '24', "buffer_minutes" integer NOT NULL DEFAULT '10', "gender" text, "bio" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "therapist_profile_buffer_check" CHECK ("buffer_minutes" >= 0), CONSTRAINT "therapist_profile_notice_check" CHECK ("minimum_notice_hours" >= 0), CONSTRAINT "therapist_profile_capacity_check" CHECK ("monthly_capacity" >= 0), CONSTRAINT "therapist_profile_session_minutes_check" CHECK ("session_minutes" BETWEEN 15 AND 180), CONSTRAINT "therapist_profile_town_check" CHECK (NOT ('in_person' = ANY ("modalities")) OR "town" IS NOT NULL), CONSTRAINT "therapist_profile_modalities_check" CHECK (cardinality("modalities") >= 1 AND "modalities" <@ ARRAY['video', 'phone', 'in_person']::text[]), CONSTRAINT "therapist_profile_number_check" CHECK ("membership_number" ~ '^[0-9]{4,10}$'), CONSTRAINT "therapist_profile_body_check" CHECK ("membership_body" IN ('BACP', 'UKCP')), CONSTRAINT "therapist_profile_pkey" PRIMARY KEY ("account_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "volunteer_deployment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "volunteer_id" uuid NOT NULL, "location" text NOT NULL, "country" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, CONSTRAINT "volunteer_deployment_dates_check" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "volunteer_deployment_no_overlap" EXCLUDE USING gist ("volunteer_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&), CONSTRAINT "volunteer_deployment_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TABLE "buddy_profile" ("account_id" uuid NOT NULL, "kind" text NOT NULL, "languages" text array NOT NULL, "max_active_pairings" integer NOT NULL DEFAULT '2', "dbs_level" text NOT NULL, "dbs_certificate_number" text NOT NULL, "dbs_issued_on" date NOT NULL, "dbs_update_service" boolean NOT NULL, "membership_body" text, "membership_number" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "buddy_profile_membership_check" CHECK (("kind" = 'therapist' AND "membership_body" IN ('BACP', 'UKCP') AND "membership_number" ~ '^[0-9]{4,10}$')
   OR ("kind" = 'humanitarian' AND "membership_body" IS NULL AND "membership_number" IS NULL)), CONSTRAINT "buddy_profile_dbs_number_check" CHECK ("dbs_certificate_number" ~ '^[0-9]{12}$'), CONSTRAINT "buddy_profile_dbs_level_check" CHECK ("dbs_level" IN ('basic', 'standard', 'enhanced')), CONSTRAINT "buddy_profile_capacity_check" CHECK ("max_active_pairings" >= 0), CONSTRAINT "buddy_profile_kind_check" CHECK ("kind" IN ('therapist', 'humanitarian')), CONSTRAINT "buddy_profile_pkey" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(
      `ALTER TABLE "volunteer_profile" ADD CONSTRAINT "volunteer_profile_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting" ADD CONSTRAINT "vetting_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting" ADD CONSTRAINT "vetting_verified_by_fk" FOREIGN KEY ("verified_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_decision" ADD CONSTRAINT "vetting_decision_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_note" ADD CONSTRAINT "vetting_note_decision_fk" FOREIGN KEY ("decision_id") REFERENCES "vetting_decision"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "therapist_profile" ADD CONSTRAINT "therapist_profile_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_deployment" ADD CONSTRAINT "volunteer_deployment_volunteer_fk" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer_profile"("account_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buddy_profile" ADD CONSTRAINT "buddy_profile_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "buddy_profile" DROP CONSTRAINT "buddy_profile_account_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_deployment" DROP CONSTRAINT "volunteer_deployment_volunteer_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "therapist_profile" DROP CONSTRAINT "therapist_profile_account_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_note" DROP CONSTRAINT "vetting_note_decision_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_decision" DROP CONSTRAINT "vetting_decision_account_fk"`,
    );
    await queryRunner.query(`ALTER TABLE "vetting" DROP CONSTRAINT "vetting_verified_by_fk"`);
    await queryRunner.query(`ALTER TABLE "vetting" DROP CONSTRAINT "vetting_account_fk"`);
    await queryRunner.query(
      `ALTER TABLE "volunteer_profile" DROP CONSTRAINT "volunteer_profile_account_fk"`,
    );
    await queryRunner.query(`DROP TABLE "buddy_profile"`);
    await queryRunner.query(`DROP TABLE "volunteer_deployment"`);
    await queryRunner.query(`DROP TABLE "therapist_profile"`);
    await queryRunner.query(`DROP TABLE "vetting_note"`);
    await queryRunner.query(`DROP INDEX "public"."vetting_decision_account_idx"`);
    await queryRunner.query(`DROP TABLE "vetting_decision"`);
    await queryRunner.query(`DROP INDEX "public"."vetting_queue_idx"`);
    await queryRunner.query(`DROP TABLE "vetting"`);
    await queryRunner.query(`DROP TABLE "volunteer_profile"`);
  }
}
