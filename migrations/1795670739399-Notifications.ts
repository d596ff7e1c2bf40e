import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795670739399 implements MigrationInterface {
  name = 'Notifications1795670739399';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sms_opt_out" ("phone" text NOT NULL, "source" text NOT NULL, "opted_out_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "sms_opt_out_pkey" PRIMARY KEY ("phone"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "channel" text NOT NULL DEFAULT 'sms', "template" text NOT NULL, "about" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "idempotency_key" text NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "claimed_at" TIMESTAMP WITH TIME ZONE, "provider_message_id" text, "last_error_code" text, "reason" text, "to_phone" text, "body" text, "sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "notification_sending_is_claimed_check" CHECK (status <> 'sending' OR claimed_at IS NOT NULL), CONSTRAINT "notification_sent_has_provider_id_check" CHECK (status NOT IN ('sent', 'delivered') OR provider_message_id IS NOT NULL), CONSTRAINT "notification_attempts_check" CHECK (attempts >= 0), CONSTRAINT "notification_channel_check" CHECK (channel IN ('sms')), CONSTRAINT "notification_status_check" CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'cancelled', 'skipped')), CONSTRAINT "notification_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_idempotency_key" ON "notification" ("idempotency_key") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_provider_message_id_key" ON "notification" ("provider_message_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_to_phone_idx" ON "notification" ("to_phone") `,
    );
    await queryRunner.query(`CREATE INDEX "notification_about_idx" ON "notification" ("about") `);
    await queryRunner.query(
      `CREATE INDEX "notification_recipient_idx" ON "notification" ("recipient_id", "due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_due_idx" ON "notification" ("status", "due_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "notification_recipient_fk" FOREIGN KEY ("recipient_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "notification_recipient_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notification_due_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_recipient_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_about_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_to_phone_idx"`);
    await queryRunner.query(`DROP INDEX "public"."notification_provider_message_id_key"`);
    await queryRunner.query(`DROP INDEX "public"."notification_idempotency_key"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TABLE "sms_opt_out"`);
  }
}
