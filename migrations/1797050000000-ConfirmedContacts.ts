import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email as a channel, and numbers proven before texts go to them (issue #23).
 *
 * - `account.email_confirmed_at`: an address is used for sign-in and mail only once its owner
 *   followed the link sent to it. `account.phone_confirmed_at`: a number gets texts only once its
 *   owner typed back the code sent to it. Each is null whenever its address or number is (erasure
 *   clears both), which the checks hold.
 * - **Accounts made before this migration count as confirmed**, email and phone alike. They were
 *   created under the old rules, have been receiving texts at those numbers and signing in with
 *   those addresses, and nobody can be asked to confirm them again without locking them out of
 *   sessions already booked; the risk the confirmation guards against (a mistyped number) would
 *   already have shown as failed or unanswered texts. New accounts and changed numbers confirm.
 * - `notification.channel` may be `email`; `to_email` records the address a mail went to, as
 *   `to_phone` does for texts (blanked on erasure).
 */
export class ConfirmedContacts1797050000000 implements MigrationInterface {
  name = 'ConfirmedContacts1797050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "account" ADD "email_confirmed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD "phone_confirmed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "account" SET "email_confirmed_at" = "created_at" WHERE "email" IS NOT NULL`,
    );
    await queryRunner.query(
      `UPDATE "account" SET "phone_confirmed_at" = "created_at" WHERE "phone" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "account_email_confirmed_check" CHECK ("email_confirmed_at" IS NULL OR "email" IS NOT NULL)`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" ADD CONSTRAINT "account_phone_confirmed_check" CHECK ("phone_confirmed_at" IS NULL OR "phone" IS NOT NULL)`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ADD "to_email" text`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_channel_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_channel_check" CHECK (channel IN ('sms', 'whatsapp', 'email'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notification" WHERE "channel" = 'email'`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_channel_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_channel_check" CHECK (channel IN ('sms', 'whatsapp'))`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "to_email"`);
    await queryRunner.query(
      `ALTER TABLE "account" DROP CONSTRAINT "account_phone_confirmed_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "account" DROP CONSTRAINT "account_email_confirmed_check"`,
    );
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "phone_confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "account" DROP COLUMN "email_confirmed_at"`);
  }
}
