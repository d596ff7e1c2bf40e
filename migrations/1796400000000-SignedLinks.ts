import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed links in texts and invites (issue #16, part 3): one row per link, keyed by the SHA-256 of
 * its code; and a sequence on each check-in call, bumped when it moves, so an older link dies.
 */
export class SignedLinks1796400000000 implements MigrationInterface {
  name = 'SignedLinks1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "signed_link" ("code_hash" text NOT NULL, "kind" text NOT NULL, "object_id" uuid NOT NULL, "person_id" uuid NOT NULL, "version" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "signature" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "signed_link_kind_check" CHECK ("kind" IN ('session', 'checkin')), CONSTRAINT "signed_link_pkey" PRIMARY KEY ("code_hash"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "signed_link_person_idx" ON "signed_link" ("person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "signed_link_expires_idx" ON "signed_link" ("expires_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "signed_link" ADD CONSTRAINT "signed_link_person_fk" FOREIGN KEY ("person_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "checkin" ADD "sequence" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "checkin" DROP COLUMN "sequence"`);
    await queryRunner.query(`ALTER TABLE "signed_link" DROP CONSTRAINT "signed_link_person_fk"`);
    await queryRunner.query(`DROP INDEX "public"."signed_link_expires_idx"`);
    await queryRunner.query(`DROP INDEX "public"."signed_link_person_idx"`);
    await queryRunner.query(`DROP TABLE "signed_link"`);
  }
}
