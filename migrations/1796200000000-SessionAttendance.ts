import { MigrationInterface, QueryRunner } from 'typeorm';

/** The volunteer's answer to a session text (issue #16): confirmed, or cannot attend, and when. */
export class SessionAttendance1796200000000 implements MigrationInterface {
  name = 'SessionAttendance1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" ADD "attendance" text`);
    await queryRunner.query(`ALTER TABLE "session" ADD "attendance_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_attendance" CHECK (attendance IS NULL OR attendance IN ('confirmed', 'cannot_attend'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "session_attendance_when" CHECK ((attendance IS NULL) = (attendance_at IS NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_attendance_when"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "session_attendance"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "attendance_at"`);
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "attendance"`);
  }
}
