import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A volunteer's request can be seen, withdrawn and asked again (issue #22), and each volunteer has
 * at most one open session request and one open buddy request: the partial unique indexes are the
 * rule, so two concurrent "ask" clicks cannot both leave an open request.
 *
 * Existing rows: a request a live session or a pairing came from is `booked` / `paired`. Of the
 * rest, each volunteer keeps only their newest as `open`; older ones become `lapsed`. Before this
 * change an open request was invisible, so a second one was the volunteer asking again for the same
 * thing: the newest is what they last asked for, and nothing is lost (the rows stay, only closed).
 */
export class OpenRequests1796700000000 implements MigrationInterface {
  name = 'OpenRequests1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_request" ADD "status" text NOT NULL DEFAULT 'open', ADD "closed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_request" ADD CONSTRAINT "session_request_status_check" CHECK ("status" IN ('open', 'booked', 'withdrawn', 'lapsed'))`,
    );
    await queryRunner.query(
      `UPDATE "session_request" r SET "status" = 'booked'
        WHERE EXISTS (SELECT 1 FROM "session" s WHERE s."request_id" = r."id" AND s."status" <> 'cancelled')`,
    );
    await queryRunner.query(
      `UPDATE "session_request" r SET "status" = 'lapsed', "closed_at" = now()
        WHERE r."status" = 'open' AND EXISTS (
          SELECT 1 FROM "session_request" n WHERE n."volunteer_id" = r."volunteer_id" AND n."status" = 'open'
             AND (n."created_at", n."id") > (r."created_at", r."id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "session_request_one_open" ON "session_request" ("volunteer_id") WHERE "status" = 'open'`,
    );

    await queryRunner.query(
      `ALTER TABLE "buddy_request" ADD "status" text NOT NULL DEFAULT 'open', ADD "closed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "buddy_request" ADD CONSTRAINT "buddy_request_status_check" CHECK ("status" IN ('open', 'paired', 'withdrawn', 'lapsed'))`,
    );
    await queryRunner.query(
      `UPDATE "buddy_request" r SET "status" = 'paired'
        WHERE EXISTS (SELECT 1 FROM "pairing" p WHERE p."request_id" = r."id")`,
    );
    await queryRunner.query(
      `UPDATE "buddy_request" r SET "status" = 'lapsed', "closed_at" = now()
        WHERE r."status" = 'open' AND EXISTS (
          SELECT 1 FROM "buddy_request" n WHERE n."volunteer_id" = r."volunteer_id" AND n."status" = 'open'
             AND (n."created_at", n."id") > (r."created_at", r."id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "buddy_request_one_open" ON "buddy_request" ("volunteer_id") WHERE "status" = 'open'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "buddy_request_one_open"`);
    await queryRunner.query(
      `ALTER TABLE "buddy_request" DROP CONSTRAINT "buddy_request_status_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "buddy_request" DROP COLUMN "closed_at", DROP COLUMN "status"`,
    );
    await queryRunner.query(`DROP INDEX "session_request_one_open"`);
    await queryRunner.query(
      `ALTER TABLE "session_request" DROP CONSTRAINT "session_request_status_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_request" DROP COLUMN "closed_at", DROP COLUMN "status"`,
    );
  }
}
