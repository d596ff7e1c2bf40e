import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from '../common/auth.decorators';
import { EmailTokenPurpose } from './email-token.entity';

export interface NewRegistration {
  email: string;
  passwordHash: string;
  role: Role;
  name: string;
  phone: string | null;
  timezone: string;
}

export interface SpentToken {
  accountId: string;
  purpose: EmailTokenPurpose;
  email: string;
}

/** The SQL of sign-up, confirmation, reset and email change: accounts' addresses and their links. */
@Injectable()
export class AccountEmailRepository {
  /** Inserts an unconfirmed account unless the address is taken: its id, or null when taken. */
  async insertUnlessTaken(r: NewRegistration, em: EntityManager): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO account (email, password_hash, role, name, phone, timezone)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO NOTHING
       RETURNING id`,
      [r.email, r.passwordHash, r.role, r.name, r.phone, r.timezone],
    );
    return rows[0]?.id ?? null;
  }

  /** The live account holding `email`, locked for the caller's transaction. */
  async lockByEmail(
    email: string,
    em: EntityManager,
  ): Promise<{ id: string; role: Role; confirmed: boolean } | null> {
    const rows: { id: string; role: Role; confirmed: boolean }[] = await em.query(
      `SELECT id, role, email_confirmed_at IS NOT NULL AS confirmed
         FROM account WHERE email = $1 AND erased_at IS NULL
          FOR UPDATE`,
      [email],
    );
    return rows[0] ?? null;
  }

  /**
   * An address nobody proved yet belongs to whoever proves it: a new sign-up with it replaces
   * what the earlier one gave, password included.
   */
  async renewUnconfirmed(id: string, r: NewRegistration, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE account
          SET password_hash = $2, role = $3, name = $4, phone = $5, phone_confirmed_at = NULL,
              timezone = $6, updated_at = now()
        WHERE id = $1 AND email_confirmed_at IS NULL`,
      [id, r.passwordHash, r.role, r.name, r.phone, r.timezone],
    );
  }

  /** The live account with this address, confirmed: the only kind a reset mail goes to. */
  async findConfirmed(email: string, em: EntityManager): Promise<{ id: string } | null> {
    const rows: { id: string }[] = await em.query(
      `SELECT id FROM account
        WHERE email = $1 AND email_confirmed_at IS NOT NULL AND erased_at IS NULL`,
      [email],
    );
    return rows[0] ?? null;
  }

  /**
   * The address a link of `purpose` for the account would go to now: its unconfirmed address
   * (confirm), its pending one (change), its confirmed one (reset); null when there is none.
   */
  async linkAddress(
    accountId: string,
    purpose: EmailTokenPurpose,
    em: EntityManager,
  ): Promise<string | null> {
    const rows: { email: string | null }[] = await em.query(
      `SELECT CASE $2
                WHEN 'confirm' THEN CASE WHEN email_confirmed_at IS NULL THEN email END
                WHEN 'change' THEN pending_email
                WHEN 'reset' THEN CASE WHEN email_confirmed_at IS NOT NULL THEN email END
              END::text AS email
         FROM account WHERE id = $1 AND erased_at IS NULL`,
      [accountId, purpose],
    );
    return rows[0]?.email ?? null;
  }

  async insertToken(
    t: { tokenHash: Buffer; accountId: string; purpose: EmailTokenPurpose; email: string },
    createdAt: Date,
    expiresAt: Date,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `INSERT INTO email_token (token_hash, account_id, purpose, email, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [t.tokenHash, t.accountId, t.purpose, t.email, createdAt, expiresAt],
    );
  }

  /**
   * Spends the token in one guarded update, so two uses at once cannot both succeed: the token if
   * it was live (unused, unexpired, one of `purposes`), else null.
   */
  async spendToken(
    tokenHash: Buffer,
    purposes: readonly EmailTokenPurpose[],
    now: Date,
    em: EntityManager,
  ): Promise<SpentToken | null> {
    const [rows] = await em.query<[SpentToken[], number]>(
      `UPDATE email_token SET used_at = $3
        WHERE token_hash = $1 AND purpose = ANY($2::text[]) AND used_at IS NULL AND expires_at > $3
        RETURNING account_id AS "accountId", purpose, email::text AS email`,
      [tokenHash, purposes, now],
    );
    return rows[0] ?? null;
  }

  /** Every live link of the account for these purposes stops working. */
  async spendAll(
    accountId: string,
    purposes: readonly EmailTokenPurpose[],
    now: Date,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `UPDATE email_token SET used_at = $3
        WHERE account_id = $1 AND purpose = ANY($2::text[]) AND used_at IS NULL`,
      [accountId, purposes, now],
    );
  }

  /** Confirms the address the link went to, if the account still has it. */
  async confirm(accountId: string, email: string, now: Date, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown[], number]>(
      `UPDATE account SET email_confirmed_at = COALESCE(email_confirmed_at, $3), updated_at = now()
        WHERE id = $1 AND email = $2 AND erased_at IS NULL`,
      [accountId, email, now],
    );
    return count === 1;
  }

  /** Moves the account to the address the link went to, if that is still the one asked for. */
  async takePendingEmail(
    accountId: string,
    email: string,
    now: Date,
    em: EntityManager,
  ): Promise<boolean> {
    const [, count] = await em.query<[unknown[], number]>(
      `UPDATE account
          SET email = pending_email, email_confirmed_at = $3, pending_email = NULL,
              updated_at = now()
        WHERE id = $1 AND pending_email = $2 AND erased_at IS NULL`,
      [accountId, email, now],
    );
    return count === 1;
  }

  /** Whether the address is some live account's (its sign-in address). */
  async inUse(email: string, em: EntityManager): Promise<boolean> {
    const rows: unknown[] = await em.query(`SELECT 1 FROM account WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  async setPendingEmail(accountId: string, email: string | null, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE account SET pending_email = $2, updated_at = now() WHERE id = $1 AND erased_at IS NULL`,
      [accountId, email],
    );
  }

  /** Sets the password if the account still has the address the reset link went to. */
  async setPassword(
    accountId: string,
    email: string,
    passwordHash: string,
    em: EntityManager,
  ): Promise<boolean> {
    const [, count] = await em.query<[unknown[], number]>(
      `UPDATE account SET password_hash = $3, updated_at = now()
        WHERE id = $1 AND email = $2 AND erased_at IS NULL`,
      [accountId, email, passwordHash],
    );
    return count === 1;
  }

  /** Erasure: no link of the account works again, and no address is waiting. */
  async forget(accountId: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM email_token WHERE account_id = $1`, [accountId]);
    await em.query(`UPDATE account SET pending_email = NULL WHERE id = $1`, [accountId]);
  }
}
