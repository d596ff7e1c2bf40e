import { MigrationInterface, QueryRunner } from 'typeorm';

export class Sessions1795669812806 implements MigrationInterface {
  name = 'Sessions1795669812806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "session_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "volunteer_id" uuid NOT NULL, "languages" text array NOT NULL, "modality" text NOT NULL, "not_before" TIMESTAMP WITH TIME ZONE NOT NULL, "not_after" TIMESTAMP WITH TIME ZONE NOT NULL, "therapist_gender" text, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_request_modality" CHECK (modality IN ('video', 'phone', 'in_person')), CONSTRAINT "session_request_window" CHECK (not_after > not_before), CONSTRAINT "PK_44312b413b386d959b709e3778b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_session_request_volunteer" ON "session_request" ("volunteer_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_grant" ("volunteer_id" uuid NOT NULL, "grant_no" integer NOT NULL, "reason" text NOT NULL, "granted_by" uuid NOT NULL, "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_grant_no_positive" CHECK (grant_no >= 1), CONSTRAINT "PK_80dd687f66e473ec9e44f9618a9" PRIMARY KEY ("volunteer_id", "grant_no"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "session_capacity_month" ("therapist_id" uuid NOT NULL, "month" date NOT NULL, CONSTRAINT "PK_4c2bfee8d531470ff2832e5ae75" PRIMARY KEY ("therapist_id", "month"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("actor_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "response_status" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9bc0c30f480ca1ce0cec0dbc6f2" PRIMARY KEY ("actor_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."session_status" AS ENUM('booked', 'completed', 'no_show', 'cancelled')`,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "therapist_id" uuid NOT NULL, "grant_no" integer, "modality" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "month" date NOT NULL, "status" "public"."session_status" NOT NULL, "sequence" integer NOT NULL DEFAULT '0', "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancel_reason" text, "outcome_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "session_month_first_day" CHECK (extract(day from month) = 1), CONSTRAINT "session_cancelled_when" CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)), CONSTRAINT "session_modality" CHECK (modality IN ('video', 'phone', 'in_person')), CONSTRAINT "session_grant_no_positive" CHECK (grant_no IS NULL OR grant_no >= 1), CONSTRAINT "session_blocked_covers_end" CHECK (blocked_until >= ends_at), CONSTRAINT "session_ends_after_start" CHECK (ends_at > starts_at), CONSTRAINT "session_no_overlap" EXCLUDE USING gist (therapist_id WITH =, tstzrange(starts_at, blocked_until) WITH &&) WHERE (status <> 'cancelled'), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    // One session per volunteer and entitlement (DESIGN.md invariant 2): the free session counts
    // as grant 0, the n-th coordinator grant as n; a cancelled session frees its entitlement.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "session_one_per_volunteer" ON "session" ("volunteer_id", (COALESCE("grant_no", 0))) WHERE status IN ('booked', 'completed', 'no_show')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_session_therapist" ON "session" ("therapist_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_session_volunteer" ON "session" ("volunteer_id", "starts_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_session_therapist_month" ON "session" ("therapist_id", "month") `,
    );
    await queryRunner.query(
      `ALTER TABLE "session_request" ADD CONSTRAINT "session_request_volunteer_fk" FOREIGN KEY ("volunteer_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_grant" ADD CONSTRAINT "session_grant_volunteer_fk" FOREIGN KEY ("volunteer_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_grant" ADD CONSTRAINT "session_grant_granted_by_fk" FOREIGN KEY ("granted_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_capacity_month" ADD CONSTRAINT "session_capacity_month_therapist_fk" FOREIGN KEY ("therapist_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_key" ADD CONSTRAINT "idempotency_key_actor_fk" FOREIGN KEY ("actor_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_request_fk" FOREIGN KEY ("request_id") REFERENCES "session_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_volunteer_fk" FOREIGN KEY ("volunteer_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_therapist_fk" FOREIGN KEY ("therapist_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_grant_fk" FOREIGN KEY ("volunteer_id", "grant_no") REFERENCES "session_grant"("volunteer_id","grant_no") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_grant_fk"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_therapist_fk"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_volunteer_fk"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_request_fk"`);
    await queryRunner.query(
      `ALTER TABLE "idempotency_key" DROP CONSTRAINT "idempotency_key_actor_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_capacity_month" DROP CONSTRAINT "session_capacity_month_therapist_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_grant" DROP CONSTRAINT "session_grant_granted_by_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_grant" DROP CONSTRAINT "session_grant_volunteer_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_request" DROP CONSTRAINT "session_request_volunteer_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."session_one_per_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_therapist_month"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_volunteer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_therapist"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TYPE "public"."session_status"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
    await queryRunner.query(`DROP TABLE "session_capacity_month"`);
    await queryRunner.query(`DROP TABLE "session_grant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_request_volunteer"`);
    await queryRunner.query(`DROP TABLE "session_request"`);
  }
}
