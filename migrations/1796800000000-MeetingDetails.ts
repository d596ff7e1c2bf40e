import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a session happens (issue #22): the therapist's own meeting link and in-person address on
 * their profile, and the per-session video room the service makes at booking when
 * VIDEO_ROOM_BASE_URL names a provider. A meeting link is https or nothing.
 */
export class MeetingDetails1796800000000 implements MigrationInterface {
  name = 'MeetingDetails1796800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "therapist_profile" ADD "meeting_url" text`);
    await queryRunner.query(`ALTER TABLE "therapist_profile" ADD "address" text`);
    await queryRunner.query(
      `ALTER TABLE "therapist_profile" ADD CONSTRAINT "therapist_profile_meeting_url_check" CHECK ("meeting_url" IS NULL OR "meeting_url" LIKE 'https://%')`,
    );
    await queryRunner.query(`ALTER TABLE "session" ADD "video_room_url" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP COLUMN "video_room_url"`);
    await queryRunner.query(
      `ALTER TABLE "therapist_profile" DROP CONSTRAINT "therapist_profile_meeting_url_check"`,
    );
    await queryRunner.query(`ALTER TABLE "therapist_profile" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "therapist_profile" DROP COLUMN "meeting_url"`);
  }
}
