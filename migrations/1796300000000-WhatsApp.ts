import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * WhatsApp as a channel for texts (issue #16 part 2): a person's choice of channel, the WhatsApp
 * consent purpose and its first text, `whatsapp` as a notification channel and a consent channel
 * (STOP from WhatsApp), and the record of a WhatsApp attempt that fell back to SMS.
 */
export class WhatsApp1796300000000 implements MigrationInterface {
  name = 'WhatsApp1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "text_preference" ("account_id" uuid NOT NULL, "channel" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "text_preference_channel_check" CHECK (channel IN ('sms', 'whatsapp')), CONSTRAINT "text_preference_pkey" PRIMARY KEY ("account_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "text_preference" ADD CONSTRAINT "text_preference_account_fk" FOREIGN KEY ("account_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`ALTER TABLE "notification" ADD "fallback_from" text`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "fallback_error_code" text`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD "fallback_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_channel_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_channel_check" CHECK (channel IN ('sms', 'whatsapp'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_fallback_check" CHECK (fallback_from IS NULL OR (fallback_from = 'whatsapp' AND channel = 'sms' AND fallback_error_code IS NOT NULL))`,
    );

    // ADD VALUE leaves consent_event (append-only) untouched; the value is not used here.
    await queryRunner.query(
      `ALTER TYPE "public"."consent_channel" ADD VALUE IF NOT EXISTS 'whatsapp' AFTER 'sms'`,
    );
    await queryRunner.query(
      `INSERT INTO consent_text (purpose, version, title, text) VALUES ($1, 1, $2, $3)`,
      [
        'whatsapp_messages',
        'WhatsApp messages',
        'We send the same confirmations and reminders by WhatsApp instead of text message, from our WhatsApp number. WhatsApp (Meta) carries them and sees that we message you. More than 24 hours after you last wrote to us there, we can send only messages WhatsApp has approved in advance. Reply STOP on WhatsApp to stop them; if you agreed to text messages, they go by text message instead.',
      ],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Only possible while no consent event was recorded by WhatsApp or for its purpose.
    await queryRunner.query(
      `DELETE FROM consent_text WHERE purpose = 'whatsapp_messages' AND version = 1`,
    );
    await queryRunner.query(
      `ALTER TYPE "public"."consent_channel" RENAME TO "consent_channel_old"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."consent_channel" AS ENUM('web', 'sms', 'coordinator')`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_event" ALTER COLUMN "channel" TYPE "public"."consent_channel" USING "channel"::"text"::"public"."consent_channel"`,
    );
    await queryRunner.query(`DROP TYPE "public"."consent_channel_old"`);

    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_fallback_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_channel_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_channel_check" CHECK (channel IN ('sms'))`,
    );
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "fallback_at"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "fallback_error_code"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "fallback_from"`);
    await queryRunner.query(`DROP TABLE "text_preference"`);
  }
}
