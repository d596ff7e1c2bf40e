import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * DESIGN invariant 4 in the database: only a verified therapist is booked (or a booking moved),
 * only a verified buddy is paired. The vetting row is read FOR SHARE, so a suspension committing
 * at the same moment either waits for the booking or is seen by it: never both. (The expiry
 * date is checked against the service's clock in the application; the daily job turns lapsed
 * vetting into status 'expired', which this trigger then refuses too.)
 */
export class VettedBookings1795674000000 implements MigrationInterface {
  name = 'VettedBookings1795674000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION require_verified(person uuid, what text) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM vetting WHERE account_id = person AND status = 'verified' FOR SHARE;
        IF NOT FOUND THEN
          RAISE EXCEPTION '% % is not verified', what, person
            USING ERRCODE = 'check_violation', CONSTRAINT = what || '_verified';
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION session_therapist_verified() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM require_verified(NEW.therapist_id, 'session_therapist');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER session_therapist_verified
      BEFORE INSERT OR UPDATE OF starts_at, therapist_id ON "session"
      FOR EACH ROW WHEN (NEW.status = 'booked') EXECUTE FUNCTION session_therapist_verified()`);
    await q.query(`
      CREATE FUNCTION pairing_buddy_verified() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM require_verified(NEW.buddy_id, 'pairing_buddy');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER pairing_buddy_verified BEFORE INSERT ON "pairing"
      FOR EACH ROW EXECUTE FUNCTION pairing_buddy_verified()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER pairing_buddy_verified ON "pairing"`);
    await q.query(`DROP FUNCTION pairing_buddy_verified()`);
    await q.query(`DROP TRIGGER session_therapist_verified ON "session"`);
    await q.query(`DROP FUNCTION session_therapist_verified()`);
    await q.query(`DROP FUNCTION require_verified(uuid, text)`);
  }
}
