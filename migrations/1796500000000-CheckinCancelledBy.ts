import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One call can be cancelled on its own by either person (issue #16: a call's signed link can
 * cancel it). `cancelled_by` names who did; it stays null when a re-plan or the pairing's end
 * cancelled the call, and only those calls may a later re-plan bring back.
 */
export class CheckinCancelledBy1796500000000 implements MigrationInterface {
  name = 'CheckinCancelledBy1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "checkin" ADD "cancelled_by" uuid`);
    await queryRunner.query(
      `ALTER TABLE "checkin" ADD CONSTRAINT "checkin_cancelled_by_check" CHECK ("cancelled_by" IS NULL OR "status" = 'cancelled')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "checkin" DROP CONSTRAINT "checkin_cancelled_by_check"`);
    await queryRunner.query(`ALTER TABLE "checkin" DROP COLUMN "cancelled_by"`);
  }
}
