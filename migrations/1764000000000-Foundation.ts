import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(
      `CREATE TYPE "public"."account_role" AS ENUM('volunteer', 'therapist', 'buddy', 'coordinator')`,
    );
    await q.query(`
      CREATE TABLE "account" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" citext,
        "password_hash" text,
        "role" "public"."account_role" NOT NULL,
        "name" text NOT NULL,
        "phone" text,
        "timezone" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "erased_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "account_email_key" UNIQUE ("email"),
        CONSTRAINT "PK_account" PRIMARY KEY ("id")
      )`);

    await q.query(`
      CREATE TABLE "audit_event" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "actor_id" uuid,
        "actor_role" text,
        "action" text NOT NULL,
        "target_type" text,
        "target_id" text,
        "request_id" text,
        "details" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_audit_event" PRIMARY KEY ("id")
      )`);
    await q.query(
      `CREATE INDEX "IDX_audit_event_target" ON "audit_event" ("target_type", "target_id", "at")`,
    );
    await q.query(`CREATE INDEX "IDX_audit_event_actor" ON "audit_event" ("actor_id", "at")`);

    // Append-only tables: one trigger function refuses UPDATE, DELETE and TRUNCATE.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
      FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_event"`);
    await q.query(`DROP FUNCTION refuse_change()`);
    await q.query(`DROP TABLE "account"`);
    await q.query(`DROP TYPE "public"."account_role"`);
  }
}
