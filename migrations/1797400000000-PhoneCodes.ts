import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Codes that prove a phone number (issue #23). A row is made when a person asks; the code is drawn
 * when the text goes, so `code_hash` (an HMAC bound to the row), `phone` (the number it went to)
 * and `expires_at` are set together, which a check holds. At most 5 wrong tries a code, also held
 * by a check. Erasure deletes an account's rows.
 */
export class PhoneCodes1797400000000 implements MigrationInterface {
  name = 'PhoneCodes1797400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "phone_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "code_hash" bytea, "phone" text, "expires_at" TIMESTAMP WITH TIME ZONE, "minted_at" TIMESTAMP WITH TIME ZONE, "tries" integer NOT NULL DEFAULT '0', "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "phone_code_minted_check" CHECK (("code_hash" IS NULL) = ("expires_at" IS NULL) AND ("code_hash" IS NULL) = ("phone" IS NULL) AND ("code_hash" IS NULL) = ("minted_at" IS NULL)), CONSTRAINT "phone_code_tries_check" CHECK ("tries" >= 0 AND "tries" <= 5), CONSTRAINT "phone_code_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "phone_code_account_idx" ON "phone_code" ("account_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "phone_code" ADD CONSTRAINT "phone_code_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "phone_code"`);
  }
}
