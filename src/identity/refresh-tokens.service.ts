import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { authConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Account } from './account.entity';
import { IdentityService } from './identity.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { AccessTokenView } from './account.view';

/** 32 random bytes, base64url: 256 bits a guesser must find. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

const sha256 = (token: string): Buffer => createHash('sha256').update(token).digest();

const digestOf = (token: string | undefined): Buffer | undefined =>
  token && TOKEN_SHAPE.test(token) ? sha256(token) : undefined;

export interface Rotated {
  refreshToken: string;
  access: AccessTokenView;
}

type RotateOutcome =
  | { ok: true; refreshToken: string; account: Account; loginId: string }
  | { ok: false; reused: boolean; accountId?: string };

/**
 * Browser sessions: a login starts a family of refresh tokens; each refresh spends the token shown
 * and issues its successor in the same family. Showing a spent token again means two parties hold
 * it (theft), so the whole family is revoked and the caller must sign in again. The family's id is
 * the login's id in its access tokens: revoking the family (logout, reuse) ends them at once too,
 * while the account's other logins (other devices) go on.
 */
@Injectable()
export class RefreshTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: RefreshTokensRepository,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /**
   * A new family for a login: the raw token for the cookie (never stored) and the family's id,
   * which the login's access tokens carry, so ending the family ends them too.
   */
  async start(
    account: Pick<Account, 'id' | 'tokenVersion'>,
  ): Promise<{ refreshToken: string; loginId: string }> {
    const loginId = randomUUID();
    const refreshToken = await this.dataSource.transaction((em) =>
      this.issue(account.id, account.tokenVersion, loginId, em),
    );
    return { refreshToken, loginId };
  }

  /** Spends `token` for its successor and a new access token, or 401. */
  async rotate(token: string | undefined): Promise<Rotated> {
    const tokenHash = digestOf(token);
    if (!tokenHash) throw refused();
    const outcome = await this.dataSource.transaction(async (em): Promise<RotateOutcome> => {
      const row = await this.repo.lockByHash(tokenHash, em);
      if (!row || row.revokedAt || row.expiresAt <= this.clock.now())
        return { ok: false, reused: false };
      if (row.spentAt) {
        await this.repo.revokeFamily(row.familyId, em);
        await this.audit.record(
          {
            actor: null,
            action: 'auth.refresh_reused',
            target: { type: 'account', id: row.accountId },
            details: { familyId: row.familyId },
          },
          em,
        );
        return { ok: false, reused: true };
      }
      const account = await this.identity.findActive(row.accountId, em);
      if (!account || account.tokenVersion !== row.tokenVersion) {
        await this.repo.revokeFamily(row.familyId, em);
        return { ok: false, reused: false };
      }
      await this.repo.markSpent(row.id, em);
      const refreshToken = await this.issue(account.id, account.tokenVersion, row.familyId, em);
      return { ok: true, refreshToken, account, loginId: row.familyId };
    });
    if (!outcome.ok) throw refused();
    return {
      refreshToken: outcome.refreshToken,
      access: await this.identity.issueToken(outcome.account, outcome.loginId),
    };
  }

  /** Logout: the family of `token` ends. Unknown or malformed tokens are ignored. */
  async revokeFamily(token: string | undefined): Promise<void> {
    const tokenHash = digestOf(token);
    if (!tokenHash) return;
    await this.dataSource.transaction(async (em) => {
      const row = await this.repo.lockByHash(tokenHash, em);
      if (row) await this.repo.revokeFamily(row.familyId, em);
    });
  }

  private async issue(
    accountId: string,
    tokenVersion: number,
    familyId: string,
    em: EntityManager,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repo.insert(
      {
        tokenHash: sha256(token),
        familyId,
        accountId,
        tokenVersion,
        expiresAt: new Date(this.clock.now().getTime() + this.config.refreshTtlSeconds * 1000),
      },
      em,
    );
    return token;
  }
}

const refused = () =>
  new UnauthorizedException('The session has ended or was revoked; sign in again.');
