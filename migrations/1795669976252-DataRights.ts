import { MigrationInterface, QueryRunner } from 'typeorm';

export class DataRights1795669976252 implements MigrationInterface {
  name = 'DataRights1795669976252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "erasure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "parts" text array NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "erasure_subject_key" UNIQUE ("subject_id"), CONSTRAINT "erasure_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_erasure_at" ON "erasure" ("at", "id") `);
    await queryRunner.query(
      `ALTER TABLE "erasure" ADD CONSTRAINT "erasure_subject_fk" FOREIGN KEY ("subject_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "erasure" ADD CONSTRAINT "erasure_requested_by_fk" FOREIGN KEY ("requested_by") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The record that an erasure happened is itself evidence: append-only, like the ledger.
    await queryRunner.query(`
          CREATE TRIGGER erasure_append_only BEFORE UPDATE OR DELETE ON "erasure"
          FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`
          CREATE TRIGGER erasure_no_truncate BEFORE TRUNCATE ON "erasure"
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER erasure_no_truncate ON "erasure"`);
    await queryRunner.query(`DROP TRIGGER erasure_append_only ON "erasure"`);
    await queryRunner.query(`ALTER TABLE "erasure" DROP CONSTRAINT "erasure_requested_by_fk"`);
    await queryRunner.query(`ALTER TABLE "erasure" DROP CONSTRAINT "erasure_subject_fk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_erasure_at"`);
    await queryRunner.query(`DROP TABLE "erasure"`);
  }
}
