import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { authConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth.decorators';
import { TokenVersions } from '../common/auth.guard';
import { ConflictError, ForbiddenError, NotFoundError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events.service';
import { isUniqueViolation } from '../common/pg-errors';
import { Account } from './account.entity';
import { AccountEmailRepository } from './account-email.repository';
import { EmailTokenPurpose } from './email-token.entity';
import { EmailTokens, MintedLink } from './email-tokens.service';
import { deviceTag, isKnownDevice } from './known-device';
import { LoginLimiter } from './login-limiter.service';
import { hashPassword, verifyPassword } from './passwords';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { AccessTokenView } from './account.view';
import { PhoneCodesService } from './phone-codes.service';

/** An account as other modules see it: never the entity, never the password hash. */
export interface AccountView {
  id: string;
  email: string | null;
  role: Role;
  name: string;
  phone: string | null;
  timezone: string;
  createdAt: Date;
  /** The address was proven by its owner: mail may go to it. */
  emailConfirmed: boolean;
  /** The number was proven by its owner: texts may go to it. */
  phoneConfirmed: boolean;
}

const toView = (a: Account): AccountView => ({
  id: a.id,
  email: a.email,
  role: a.role,
  name: a.name,
  phone: a.phone,
  timezone: a.timezone,
  createdAt: a.createdAt,
  emailConfirmed: a.emailConfirmedAt !== null,
  phoneConfirmed: a.phoneConfirmedAt !== null,
});

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  name: string;
  phone?: string | null;
  timezone: string;
  /** Made by someone who vouches for the address or number (the operator CLI, the demo seed). */
  emailConfirmed?: boolean;
  phoneConfirmed?: boolean;
}

@Injectable()
export class IdentityService implements TokenVersions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly limiter: LoginLimiter,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accountEmail: AccountEmailRepository,
    private readonly emailTokens: EmailTokens,
    private readonly events: DomainEvents,
    private readonly phoneCodes: PhoneCodesService,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /** Creates an account of any role; coordinators only through the operator CLI. */
  async createAccount(input: NewAccount, createdBy: Actor | null): Promise<Account> {
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const account = await em.save(
          em.create(Account, {
            email: input.email.trim(),
            passwordHash,
            role: input.role,
            name: input.name.trim(),
            phone: input.phone ?? null,
            timezone: input.timezone,
            emailConfirmedAt: input.emailConfirmed ? new Date() : null,
            phoneConfirmedAt: input.phoneConfirmed && input.phone ? new Date() : null,
          }),
        );
        await this.audit.record(
          {
            actor: createdBy ?? { id: account.id, role: account.role },
            action: 'account.created',
            target: { type: 'account', id: account.id },
            details: { role: account.role },
          },
          em,
        );
        return account;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'account_email_key')) {
        throw new ConflictError('email-taken', 'An account with this email already exists.');
      }
      throw error;
    }
  }

  /**
   * The account whose email and password these are, or 401 (the same for an unknown email), or 429
   * while a login limit holds (see LoginLimiter). `ip` is the client address Express derived;
   * `deviceTags` the known-device cookie's tags, which let the owner past the account-wide lock.
   */
  async login(
    email: string,
    password: string,
    ip: string | undefined,
    deviceTags: readonly string[] = [],
  ): Promise<Account> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ email: email.trim() });
    const knownDevice =
      !!account && !account.erasedAt && isKnownDevice(deviceTags, this.deviceTag(account));
    await this.limiter.attempt(email, ip, knownDevice);
    const ok = await verifyPassword(
      account?.erasedAt ? null : (account?.passwordHash ?? null),
      password,
    );
    if (!account || !ok) {
      await this.audit.record({
        actor: null,
        action: 'auth.login_failed',
        target: account ? { type: 'account', id: account.id } : undefined,
        details: account ? {} : { emailDigest: digest(email) },
      });
      throw new UnauthorizedException('Email or password is wrong.');
    }
    await this.limiter.succeeded(email, ip);
    if (!account.emailConfirmedAt) {
      // Only with the right password: a stranger learns nothing about the address.
      throw new ForbiddenError(
        'email-unconfirmed',
        'Confirm your email address first: follow the link we sent to it. No link? Sign up again with the same address and we will send a new one.',
      );
    }
    return account;
  }

  /** The tag a browser that signed in to `account` carries (known-device.ts). */
  deviceTag(account: Pick<Account, 'id' | 'tokenVersion'>): string {
    return deviceTag(this.config, account);
  }

  /**
   * An access token for `account`; `loginId` (the refresh-token family of the login it belongs
   * to) lets logout or a replayed refresh token end it at once, without ending the account's
   * other logins.
   */
  async issueToken(
    account: Pick<Account, 'id' | 'role' | 'tokenVersion'>,
    loginId?: string,
  ): Promise<AccessTokenView> {
    const accessToken = await this.jwt.signAsync({
      sub: account.id,
      role: account.role,
      ver: account.tokenVersion,
      ...(loginId ? { sid: loginId } : {}),
    });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, tokenType: 'Bearer' };
  }

  /**
   * One query per authenticated request: the account by primary key and, for a token that names
   * its login, whether that login was revoked (by the family index). No cache, so no replica ever
   * lags. It also reads the caller's zone, which the Actor carries, so no service re-reads the
   * account for it.
   */
  async current(
    accountId: string,
    version: number,
    loginId: string | undefined,
  ): Promise<{ timezone: string } | null> {
    if (!UUID.test(accountId)) return null;
    const rows: { timezone: string }[] = await this.dataSource.query(
      `SELECT timezone FROM account
        WHERE id = $1 AND token_version = $2 AND erased_at IS NULL
          AND ($3::uuid IS NULL OR NOT EXISTS (
                SELECT 1 FROM refresh_token WHERE family_id = $3 AND revoked_at IS NOT NULL))`,
      [accountId, version, loginId ?? null],
    );
    return rows[0] ?? null;
  }

  /** The account if it exists and is not erased (refresh checks it before issuing a token). */
  findActive(id: string, em: EntityManager): Promise<Account | null> {
    return em.findOneBy(Account, { id, erasedAt: IsNull() });
  }

  /**
   * Ends every session of the account at once, in the caller's transaction: access tokens issued
   * before fail their next request (the version moved on) and every refresh token is revoked.
   * Erasure, suspension, password change and role change call it.
   */
  async revokeSessions(accountId: string, em: EntityManager): Promise<void> {
    await em.query(`UPDATE account SET token_version = token_version + 1 WHERE id = $1`, [
      accountId,
    ]);
    await this.refreshTokens.revokeAccount(accountId, em);
  }

  /** No route changes a role today; whoever adds one gets revocation with it. */
  async changeRole(id: string, role: Role, em: EntityManager): Promise<void> {
    const account = await this.entity(id, em);
    if (account.role === role) return;
    await em.update(Account, { id }, { role });
    await this.revokeSessions(id, em);
  }

  /**
   * Sets a new password after proving the current one, then ends every session, this one
   * included (the web app signs in again with the new password).
   */
  async changePassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    ip: string | undefined,
  ): Promise<void> {
    await this.proveCurrentPassword(actor, currentPassword, ip, 'auth.password_change_failed');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (em) => {
      await em.update(Account, { id: actor.id }, { passwordHash });
      await this.revokeSessions(actor.id, em);
      await this.audit.record(
        { actor, action: 'auth.password_changed', target: { type: 'account', id: actor.id } },
        em,
      );
      await this.events.publish(
        'account.password_changed',
        { accountId: actor.id, requestId: randomUUID() },
        em,
      );
    });
  }

  /**
   * The caller's account once `password` is proved to be its password. Each attempt counts like
   * a login (so a stolen access token cannot be used to guess it); a wrong one is audited as
   * `failed` and answered 403.
   */
  async proveCurrentPassword(
    actor: Actor,
    password: string,
    ip: string | undefined,
    failed: 'auth.password_change_failed' | 'auth.email_change_failed',
  ): Promise<Account> {
    const account = await this.entity(actor.id);
    const email = account.email ?? actor.id;
    await this.limiter.attempt(email, ip);
    if (!(await verifyPassword(account.passwordHash, password))) {
      await this.audit.record({ actor, action: failed, target: { type: 'account', id: actor.id } });
      throw new ForbiddenError('wrong-password', 'The current password is wrong.');
    }
    await this.limiter.succeeded(email, ip);
    return account;
  }

  /** The account, or 404 when it does not exist or was erased. */
  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<AccountView> {
    return toView(await this.entity(id, em));
  }

  /** The account, or null when it does not exist or was erased. */
  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<AccountView | null> {
    const account = await em.findOneBy(Account, { id, erasedAt: IsNull() });
    return account && toView(account);
  }

  private async entity(id: string, em: EntityManager = this.dataSource.manager): Promise<Account> {
    const account = await em.findOneBy(Account, { id });
    if (!account || account.erasedAt) throw new NotFoundError('account');
    return account;
  }

  /** The live (not erased) accounts among `ids`, by id, in one query. */
  async getMany(
    ids: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, AccountView>> {
    if (ids.length === 0) return new Map();
    const accounts = await em.findBy(Account, { id: In([...ids]), erasedAt: IsNull() });
    return new Map(accounts.map((a) => [a.id, toView(a)]));
  }

  /** Changes the contact fields given (a null phone removes it); the others stay as they are. */
  async updateContact(
    id: string,
    contact: { name?: string; phone?: string | null; timezone?: string },
    em: EntityManager = this.dataSource.manager,
  ): Promise<AccountView> {
    const account = await this.entity(id, em);
    if (contact.name !== undefined) account.name = contact.name.trim();
    if (contact.phone !== undefined && contact.phone !== account.phone) {
      // A new number is proven again before texts go to it.
      account.phone = contact.phone;
      account.phoneConfirmedAt = null;
    }
    if (contact.timezone !== undefined) account.timezone = contact.timezone;
    return toView(await em.save(account));
  }

  /**
   * Erases the account's personal fields irreversibly (GDPR Art. 17): no email or password means no
   * login, and every session ends in the same transaction (`revokeSessions`), so tokens already
   * issued get 401 on their next request. The id and role stay: the pseudonymous subject of what
   * must be kept. Idempotent.
   */
  async anonymise(id: string, em: EntityManager): Promise<void> {
    await this.revokeSessions(id, em);
    await this.accountEmail.forget(id, em);
    await this.phoneCodes.forget(id, em);
    await em.query(
      `UPDATE account
          SET email = NULL, email_confirmed_at = NULL, password_hash = NULL, name = 'Erased user',
              phone = NULL, phone_confirmed_at = NULL,
              erased_at = COALESCE(erased_at, now()), updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  /**
   * A new link for a mail being sent now (AccountEmailService says when one is due): the raw
   * token, for the mail only, and the address it must go to; null when no mail should go.
   */
  mintEmailLink(accountId: string, purpose: EmailTokenPurpose): Promise<MintedLink | null> {
    return this.emailTokens.mint(accountId, purpose);
  }

  /**
   * Where a link of `purpose` for the account goes now: its unconfirmed address (confirm), the
   * address it asked to move to (change), its confirmed address (reset); null when none.
   */
  emailLinkAddress(accountId: string, purpose: EmailTokenPurpose): Promise<string | null> {
    return this.accountEmail.linkAddress(accountId, purpose, this.dataSource.manager);
  }

  /** The code of a requested phone code, drawn as its text is sent (PhoneCodesService.mint). */
  mintPhoneCode(phoneCodeId: string): Promise<string | null> {
    return this.phoneCodes.mint(phoneCodeId);
  }
  /** Every coordinator who has not been erased (alert recipients). */
  coordinators(em: EntityManager = this.dataSource.manager): Promise<Account[]> {
    return em.find(Account, {
      where: { role: Role.Coordinator, erasedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }
}

/** A non-reversible tag to correlate repeated failed logins without storing the email. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const digest = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
