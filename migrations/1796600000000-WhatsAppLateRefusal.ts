import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A WhatsApp refusal that Twilio reports later, by status callback, falls back to SMS too: the row
 * keeps the refused WhatsApp message's SID beside the SMS one, so both attempts stay on record.
 */
export class WhatsAppLateRefusal1796600000000 implements MigrationInterface {
  name = 'WhatsAppLateRefusal1796600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" ADD "fallback_provider_message_id" text`);
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_fallback_provider_id_check" CHECK (fallback_provider_message_id IS NULL OR fallback_from = 'whatsapp')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_fallback_provider_id_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" DROP COLUMN "fallback_provider_message_id"`,
    );
  }
}
