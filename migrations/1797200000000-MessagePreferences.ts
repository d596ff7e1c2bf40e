import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person chooses, per kind of message, text, email or both (issue #23). No row is the
 * default: reminders by text, notices of bookings, moves and cancellations by both.
 */
export class MessagePreferences1797200000000 implements MigrationInterface {
  name = 'MessagePreferences1797200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "message_preference" ("account_id" uuid NOT NULL, "kind" text NOT NULL, "way" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "message_preference_kind_check" CHECK (kind IN ('reminders', 'changes')), CONSTRAINT "message_preference_way_check" CHECK (way IN ('text', 'email', 'both')), CONSTRAINT "message_preference_pkey" PRIMARY KEY ("account_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "message_preference" ADD CONSTRAINT "message_preference_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "message_preference"`);
  }
}
