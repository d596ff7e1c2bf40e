import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { authConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth.decorators';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { isUniqueViolation } from '../common/pg-errors';
import { Account } from './account.entity';
import { AccessTokenDto, RegisterDto } from './dto/register.dto';
import { hashPassword, verifyPassword } from './passwords';

export interface NewAccount {
  email: string;
  password: string;
  role: Role;
  name: string;
  phone?: string | null;
  timezone: string;
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  register(dto: RegisterDto): Promise<Account> {
    return this.createAccount(dto, null);
  }

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

  async login(email: string, password: string): Promise<AccessTokenDto> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ email: email.trim() });
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
    return this.issueToken(account);
  }

  async issueToken(account: Pick<Account, 'id' | 'role'>): Promise<AccessTokenDto> {
    const accessToken = await this.jwt.signAsync({ sub: account.id, role: account.role });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, tokenType: 'Bearer' };
  }

  async get(id: string, em: EntityManager = this.dataSource.manager): Promise<Account> {
    const account = await em.findOneBy(Account, { id });
    if (!account || account.erasedAt) throw new NotFoundError('account');
    return account;
  }

  /** The live (not erased) accounts among `ids`, by id, in one query. */
  async getMany(
    ids: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Account>> {
    if (ids.length === 0) return new Map();
    const accounts = await em.findBy(Account, { id: In([...ids]), erasedAt: IsNull() });
    return new Map(accounts.map((a) => [a.id, a]));
  }

  /** Changes the contact fields given (a null phone removes it); the others stay as they are. */
  async updateContact(
    id: string,
    contact: { name?: string; phone?: string | null; timezone?: string },
    em: EntityManager = this.dataSource.manager,
  ): Promise<Account> {
    const account = await this.get(id, em);
    if (contact.name !== undefined) account.name = contact.name.trim();
    if (contact.phone !== undefined) account.phone = contact.phone;
    if (contact.timezone !== undefined) account.timezone = contact.timezone;
    return em.save(account);
  }

  /**
   * Erases the account's personal fields irreversibly (GDPR Art. 17): no email or password means no
   * login, and `get` answers 404 from now on, so tokens already issued stop working on every route
   * that loads the account. The id and role stay: the pseudonymous subject of what must be kept.
   * Idempotent.
   */
  async anonymise(id: string, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE account
          SET email = NULL, password_hash = NULL, name = 'Erased user', phone = NULL,
              erased_at = COALESCE(erased_at, now()), updated_at = now()
        WHERE id = $1`,
      [id],
    );
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
const digest = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);
