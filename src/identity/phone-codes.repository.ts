import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PhoneHolder {
  phone: string | null;
  phoneConfirmed: boolean;
}

export interface SentCode {
  id: string;
  codeHash: Buffer;
  phone: string;
  expiresAt: Date;
  tries: number;
  usedAt: Date | null;
}

/** The phone-code table (and the account's confirmation stamp), through named statements. */
@Injectable()
export class PhoneCodesRepository {
  /**
   * The person's number, with their account row locked: requests and confirmations of one
   * account run one after another, so three requests at once cannot make four codes.
   */
  async lockHolder(accountId: string, em: EntityManager): Promise<PhoneHolder | null> {
    const rows: Array<{ phone: string | null; confirmed: boolean }> = await em.query(
      `SELECT phone, phone_confirmed_at IS NOT NULL AS confirmed
         FROM account WHERE id = $1 AND erased_at IS NULL FOR UPDATE`,
      [accountId],
    );
    return rows[0] ? { phone: rows[0].phone, phoneConfirmed: rows[0].confirmed } : null;
  }

  /** When each code asked for since `since` was asked for, oldest first. */
  async requestedSince(accountId: string, since: Date, em: EntityManager): Promise<Date[]> {
    const rows: Array<{ created_at: Date }> = await em.query(
      `SELECT created_at FROM phone_code WHERE account_id = $1 AND created_at > $2
        ORDER BY created_at`,
      [accountId, since],
    );
    return rows.map((r) => r.created_at);
  }

  async insert(accountId: string, at: Date, em: EntityManager): Promise<string> {
    const rows: Array<{ id: string }> = await em.query(
      `INSERT INTO phone_code (account_id, created_at) VALUES ($1, $2) RETURNING id`,
      [accountId, at],
    );
    return rows[0].id;
  }

  /**
   * Gives the code its hash and life, bound to the number the account has now (the number the
   * text is about to go to). False when the code was used or the person has no number any more.
   */
  async mint(id: string, codeHash: Buffer, expiresAt: Date, em: EntityManager): Promise<boolean> {
    const [, count] = await em.query<[unknown[], number]>(
      `UPDATE phone_code c SET code_hash = $2, expires_at = $3, phone = a.phone,
              minted_at = clock_timestamp()
         FROM account a
        WHERE c.id = $1 AND a.id = c.account_id AND c.used_at IS NULL
          AND a.phone IS NOT NULL AND a.erased_at IS NULL`,
      [id, codeHash, expiresAt],
    );
    return count > 0;
  }

  /** The code texted last to the account (the one a person has in front of them), locked. */
  async lockLatestSent(accountId: string, em: EntityManager): Promise<SentCode | null> {
    const rows: SentCode[] = await em.query(
      `SELECT id, code_hash AS "codeHash", phone, expires_at AS "expiresAt", tries,
              used_at AS "usedAt"
         FROM phone_code WHERE account_id = $1 AND code_hash IS NOT NULL
        ORDER BY minted_at DESC LIMIT 1 FOR UPDATE`,
      [accountId],
    );
    return rows[0] ?? null;
  }

  async addTry(id: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE phone_code SET tries = tries + 1 WHERE id = $1`, [id]);
  }

  /**
   * Spends the code and confirms the number it was sent to, if the account still has that number.
   * False when the number changed since the text went.
   */
  async confirm(code: SentCode, accountId: string, at: Date, em: EntityManager): Promise<boolean> {
    await em.query(`UPDATE phone_code SET used_at = $2 WHERE id = $1`, [code.id, at]);
    const [, count] = await em.query<[unknown[], number]>(
      `UPDATE account SET phone_confirmed_at = $3, updated_at = now()
        WHERE id = $1 AND phone = $2 AND erased_at IS NULL`,
      [accountId, code.phone, at],
    );
    return count > 0;
  }

  /** Erasure: the numbers codes went to, and the codes with them. */
  async forget(accountId: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM phone_code WHERE account_id = $1`, [accountId]);
  }
}
