import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A therapist's photo (issue #22), kept in PostgreSQL and served from our own origin so the CSP
 * holds and no third party sees who looks at it. PNG or JPEG, 300 KB at most; it goes with the
 * profile (erasure deletes the profile, and so the photo).
 */
export class TherapistPhoto1797100000000 implements MigrationInterface {
  name = 'TherapistPhoto1797100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "therapist_photo" ("account_id" uuid NOT NULL, "content_type" text NOT NULL, "bytes" bytea NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "therapist_photo_type_check" CHECK ("content_type" IN ('image/png', 'image/jpeg')), CONSTRAINT "therapist_photo_size_check" CHECK (octet_length("bytes") BETWEEN 1 AND 307200), CONSTRAINT "therapist_photo_pkey" PRIMARY KEY ("account_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "therapist_photo" ADD CONSTRAINT "therapist_photo_profile_fk" FOREIGN KEY ("account_id") REFERENCES "therapist_profile"("account_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "therapist_photo" DROP CONSTRAINT "therapist_photo_profile_fk"`,
    );
    await queryRunner.query(`DROP TABLE "therapist_photo"`);
  }
}
