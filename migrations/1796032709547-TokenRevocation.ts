import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocation (issue 12) and browser refresh tokens (issue 14). `account.token_version` is carried
 * by every access token and checked on every request by primary key, so bumping it ends every
 * session at once. `refresh_token` keeps only SHA-256 digests, grouped by login (`family_id`) so a
 * replayed spent token can revoke its whole family.
 */
export class TokenRevocation1796032709547 implements MigrationInterface {
  name = 'TokenRevocation1796032709547';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "account" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await q.query(`
      CREATE TABLE "refresh_token" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "token_hash" bytea NOT NULL,
        "family_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "token_version" integer NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "spent_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "refresh_token_pkey" PRIMARY KEY ("id"),
        CONSTRAINT "refresh_token_account_fk" FOREIGN KEY ("account_id")
          REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "refresh_token_hash_key" ON "refresh_token" ("token_hash")`);
    await q.query(`CREATE INDEX "refresh_token_account_idx" ON "refresh_token" ("account_id")`);
    await q.query(`CREATE INDEX "refresh_token_family_idx" ON "refresh_token" ("family_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "refresh_token"`);
    await q.query(`ALTER TABLE "account" DROP COLUMN "token_version"`);
  }
}
