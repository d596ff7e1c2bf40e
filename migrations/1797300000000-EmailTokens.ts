import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Links sent by email (issue #23): confirming an address at sign-up, moving an account to a new
 * address, choosing a new password. Only each token's SHA-256 is kept; a token is used once and
 * dies at `expires_at`. `account.pending_email` holds an address asked for until its link is
 * followed (erasure clears it, which the check holds).
 */
export class EmailTokens1797300000000 implements MigrationInterface {
  name = 'EmailTokens1797300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account" ADD "pending_email" citext`);
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "account_pending_email_check" CHECK ("pending_email" IS NULL OR "email" IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE TABLE "email_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" bytea NOT NULL, "account_id" uuid NOT NULL, "purpose" text NOT NULL, "email" citext NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "email_token_purpose_check" CHECK (purpose IN ('confirm', 'change', 'reset')), CONSTRAINT "email_token_expiry_check" CHECK (expires_at > created_at), CONSTRAINT "email_token_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "email_token_hash_key" ON "email_token" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "email_token_account_idx" ON "email_token" ("account_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "email_token" ADD CONSTRAINT "email_token_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "email_token"`);
    await queryRunner.query(`ALTER TABLE "account" DROP CONSTRAINT "account_pending_email_check"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "pending_email"`);
  }
}
