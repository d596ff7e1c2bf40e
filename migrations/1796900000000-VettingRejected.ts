import { MigrationInterface, QueryRunner } from 'typeorm';

const STATE_CHECK = (rejected: boolean) => `CASE "status"
     WHEN 'pending' THEN "verified_at" IS NULL AND "verified_by" IS NULL AND "expires_on" IS NULL AND "suspended_at" IS NULL
     WHEN 'verified' THEN "verified_at" IS NOT NULL AND "verified_by" IS NOT NULL AND "expires_on" IS NOT NULL AND "suspended_at" IS NULL
     WHEN 'expired' THEN "verified_at" IS NOT NULL AND "expires_on" IS NOT NULL AND "suspended_at" IS NULL
     WHEN 'suspended' THEN "suspended_at" IS NOT NULL${
       rejected
         ? `
     WHEN 'rejected' THEN "verified_at" IS NULL AND "verified_by" IS NULL AND "expires_on" IS NULL AND "suspended_at" IS NULL`
         : ''
     }
   END`;

/**
 * A coordinator can reject an application (issue #22): the applicant's vetting becomes `rejected`,
 * out of matching like `pending`, with a `rejected` decision whose note (the reason) the applicant
 * is shown. Changing the profile sends them back to `pending`.
 */
export class VettingRejected1796900000000 implements MigrationInterface {
  name = 'VettingRejected1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "vetting" DROP CONSTRAINT "vetting_status_check"`);
    await queryRunner.query(`ALTER TABLE "vetting" DROP CONSTRAINT "vetting_state_check"`);
    await queryRunner.query(
      `ALTER TABLE "vetting" ADD CONSTRAINT "vetting_status_check" CHECK ("status" IN ('pending', 'verified', 'suspended', 'expired', 'rejected'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting" ADD CONSTRAINT "vetting_state_check" CHECK (${STATE_CHECK(true)})`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_decision" DROP CONSTRAINT "vetting_decision_kind_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_decision" ADD CONSTRAINT "vetting_decision_kind_check" CHECK ("decision" IN ('submitted', 'resubmitted', 'verified', 'suspended', 'expired', 'withdrawn', 'rejected'))`,
    );
  }

  /**
   * Down: a rejected applicant becomes pending again. The history is append-only, so its
   * `rejected` decisions stay, and the decision check keeps allowing them.
   */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "vetting_decision" DROP CONSTRAINT "vetting_decision_kind_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_decision" ADD CONSTRAINT "vetting_decision_kind_check" CHECK ("decision" IN ('submitted', 'resubmitted', 'verified', 'suspended', 'expired', 'withdrawn', 'rejected'))`,
    );
    await queryRunner.query(
      `UPDATE "vetting" SET "status" = 'pending' WHERE "status" = 'rejected'`,
    );
    await queryRunner.query(`ALTER TABLE "vetting" DROP CONSTRAINT "vetting_state_check"`);
    await queryRunner.query(`ALTER TABLE "vetting" DROP CONSTRAINT "vetting_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "vetting" ADD CONSTRAINT "vetting_status_check" CHECK ("status" IN ('pending', 'verified', 'suspended', 'expired'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting" ADD CONSTRAINT "vetting_state_check" CHECK (${STATE_CHECK(false)})`,
    );
  }
}
