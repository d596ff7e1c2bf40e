import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inbound texts, one row per Twilio MessageSid (issue #16: replies, the WhatsApp window). */
export class InboundMessages1796150000000 implements MigrationInterface {
  name = 'InboundMessages1796150000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "inbound_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "message_sid" text NOT NULL, "channel" text NOT NULL, "from_phone" text, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "in_reply_to_id" uuid, "action" text NOT NULL, CONSTRAINT "inbound_message_channel_check" CHECK (channel IN ('sms', 'whatsapp')), CONSTRAINT "inbound_message_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "inbound_message_sid_key" ON "inbound_message" ("message_sid") `,
    );
    await queryRunner.query(
      `CREATE INDEX "inbound_message_from_idx" ON "inbound_message" ("from_phone", "channel", "received_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_in_reply_to_fk" FOREIGN KEY ("in_reply_to_id") REFERENCES "notification"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "inbound_message" DROP CONSTRAINT "inbound_message_in_reply_to_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."inbound_message_from_idx"`);
    await queryRunner.query(`DROP INDEX "public"."inbound_message_sid_key"`);
    await queryRunner.query(`DROP TABLE "inbound_message"`);
  }
}
