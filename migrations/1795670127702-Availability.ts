import { MigrationInterface, QueryRunner } from 'typeorm';

export class Availability1795670127702 implements MigrationInterface {
  name = 'Availability1795670127702';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "availability_schedule" ("user_id" uuid NOT NULL, "timezone" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "availability_schedule_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "weekday" smallint NOT NULL, "start_time" TIME NOT NULL, "end_time" TIME NOT NULL, CONSTRAINT "availability_rule_times_check" CHECK ("end_time" > "start_time"), CONSTRAINT "availability_rule_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7), CONSTRAINT "availability_rule_no_overlap" EXCLUDE USING gist ("user_id" WITH =, "weekday" WITH =, tsrange('2000-01-01'::date + "start_time", '2000-01-01'::date + "end_time") WITH &&), CONSTRAINT "availability_rule_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "availability_rule_user_idx" ON "availability_rule" ("user_id", "weekday") `,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_exception" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "date" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "availability_exception_user_date_key" UNIQUE ("user_id", "date"), CONSTRAINT "availability_exception_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_exception_window" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "exception_id" uuid NOT NULL, "start_time" TIME NOT NULL, "end_time" TIME NOT NULL, CONSTRAINT "availability_exception_window_times_check" CHECK ("end_time" > "start_time"), CONSTRAINT "availability_exception_window_no_overlap" EXCLUDE USING gist ("exception_id" WITH =, tsrange('2000-01-01'::date + "start_time", '2000-01-01'::date + "end_time") WITH &&), CONSTRAINT "availability_exception_window_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "availability_exception_window_exception_idx" ON "availability_exception_window" ("exception_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_schedule" ADD CONSTRAINT "availability_schedule_user_fk" FOREIGN KEY ("user_id") REFERENCES "account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_rule" ADD CONSTRAINT "availability_rule_schedule_fk" FOREIGN KEY ("user_id") REFERENCES "availability_schedule"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_exception" ADD CONSTRAINT "availability_exception_schedule_fk" FOREIGN KEY ("user_id") REFERENCES "availability_schedule"("user_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_exception_window" ADD CONSTRAINT "availability_exception_window_exception_fk" FOREIGN KEY ("exception_id") REFERENCES "availability_exception"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "availability_exception_window" DROP CONSTRAINT "availability_exception_window_exception_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_exception" DROP CONSTRAINT "availability_exception_schedule_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_rule" DROP CONSTRAINT "availability_rule_schedule_fk"`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_schedule" DROP CONSTRAINT "availability_schedule_user_fk"`,
    );
    await queryRunner.query(`DROP INDEX "public"."availability_exception_window_exception_idx"`);
    await queryRunner.query(`DROP TABLE "availability_exception_window"`);
    await queryRunner.query(`DROP TABLE "availability_exception"`);
    await queryRunner.query(`DROP INDEX "public"."availability_rule_user_idx"`);
    await queryRunner.query(`DROP TABLE "availability_rule"`);
    await queryRunner.query(`DROP TABLE "availability_schedule"`);
  }
}
