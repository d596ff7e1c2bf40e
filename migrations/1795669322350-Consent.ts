import { MigrationInterface, QueryRunner } from 'typeorm';

export class Consent1795669322350 implements MigrationInterface {
  name = 'Consent1795669322350';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consent_text" ("purpose" text NOT NULL, "version" integer NOT NULL, "title" text NOT NULL, "text" text NOT NULL, "requires_reconsent" boolean NOT NULL DEFAULT false, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_daf8975d159fc2d4ac1004b616c" PRIMARY KEY ("purpose", "version"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."consent_channel" AS ENUM('web', 'sms', 'coordinator')`,
    );
    await queryRunner.query(
      `CREATE TABLE "consent_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "subject_id" uuid NOT NULL, "purpose" text NOT NULL, "version" integer NOT NULL, "granted" boolean NOT NULL, "channel" "public"."consent_channel" NOT NULL, "recorded_by" uuid, "evidence" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_0a5f030c2143250f8dc239b6741" UNIQUE ("seq"), CONSTRAINT "PK_da129f04a16b45855a0ebb5ed68" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_consent_event_subject" ON "consent_event" ("subject_id", "purpose", "seq") `,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_event" ADD CONSTRAINT "consent_event_subject_fk" FOREIGN KEY ("subject_id") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`
          CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON "consent_event"
          FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(`
          CREATE TRIGGER consent_event_no_truncate BEFORE TRUNCATE ON "consent_event"
          FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`);
    await queryRunner.query(
      `INSERT INTO consent_text (purpose, version, title, text) VALUES ($1, 1, $2, $3), ($4, 1, $5, $6), ($7, 1, $8, $9), ($10, 1, $11, $12)`,
      [
        'data_processing',
        'Keeping your details',
        'We keep your name, contact details, deployments and the sessions and calls arranged for you, so that we can match you with a therapist or buddy and arrange your support. Only the coordinator and the people you are matched with see them. You can withdraw at any time, download your data, or ask us to erase it.',
        'share_with_therapist',
        'Sharing with your therapist',
        'We share your name, phone number and the note you write with the therapist who runs your session, for that session only. If you withdraw, your future session is cancelled and the therapist no longer sees your contact details.',
        'share_with_buddy',
        'Sharing with your buddy',
        'We share your name, phone number or Skype name and your call times with your SSuN buddy while you are paired. If you withdraw, the pairing ends and your buddy no longer sees your contact details.',
        'sms_reminders',
        'Text message reminders',
        'We send you text messages to confirm and remind you of sessions and calls. Reply STOP to any message to stop them, START to have them again.',
      ],
    );
    await queryRunner.query(
      `ALTER TABLE "consent_event" ADD CONSTRAINT "FK_00b1e6e17e91bcf4507b97b42b7" FOREIGN KEY ("purpose", "version") REFERENCES "consent_text"("purpose","version") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "consent_event" DROP CONSTRAINT "FK_00b1e6e17e91bcf4507b97b42b7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "consent_event" DROP CONSTRAINT "consent_event_subject_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_consent_event_subject"`);
    await queryRunner.query(`DROP TABLE "consent_event"`);
    await queryRunner.query(`DROP TYPE "public"."consent_channel"`);
    await queryRunner.query(`DROP TABLE "consent_text"`);
  }
}
