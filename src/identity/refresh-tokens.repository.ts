import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

export interface NewRefreshToken {
  tokenHash: Buffer;
  familyId: string;
  accountId: string;
  tokenVersion: number;
  expiresAt: Date;
}

/** The refresh-token table, written only through these named statements. */
@Injectable()
export class RefreshTokensRepository {
  async insert(token: NewRefreshToken, em: EntityManager): Promise<void> {
    await em.insert(RefreshToken, token);
  }

  /** The token with this digest, locked so two refreshes with one token run one after the other. */
  lockByHash(tokenHash: Buffer, em: EntityManager): Promise<RefreshToken | null> {
    return em
      .createQueryBuilder(RefreshToken, 't')
      .setLock('pessimistic_write')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .getOne();
  }

  async markSpent(id: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE refresh_token SET spent_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(familyId: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId],
    );
  }

  async revokeAccount(accountId: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE refresh_token SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`,
      [accountId],
    );
  }
}
