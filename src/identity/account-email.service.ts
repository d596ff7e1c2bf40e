import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { Actor } from '../common/auth.decorators';
import { ConflictError, NotFoundError } from '../common/domain-error';
import { DomainEvents } from '../common/domain-events.service';
import { isUniqueViolation } from '../common/pg-errors';
import { Account } from './account.entity';
import { AccountEmailRepository } from './account-email.repository';
import { RegisterDto } from './dto/register.dto';
import { EmailTokenPurpose as Purpose } from './email-token.entity';
import { EmailTokens, LinkInvalidError } from './email-tokens.service';
import { IdentityService } from './identity.service';
import { LoginLimiter } from './login-limiter.service';
import { hashPassword } from './passwords';

/** A non-reversible tag for an address nobody has, to correlate requests without storing it. */
const digest = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 16);

/**
 * Sign-up, confirmation, password reset and email change: every flow that proves an address by a
 * link. Answers never tell whether an address has an account: sign-up and reset requests answer
 * the same and do the same work (a password hash, one transaction) whoever owns the address;
 * only the mail, written to the outbox by notifications on the events published here, differs.
 */
@Injectable()
export class AccountEmailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AccountEmailRepository,
    private readonly tokens: EmailTokens,
    private readonly identity: IdentityService,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly limiter: LoginLimiter,
    private readonly clock: Clock,
  ) {}

  /**
   * A new address gets an unconfirmed account and a confirmation link. An address with an
   * unconfirmed account is renewed with these details and gets a new link (the earlier ones stop
   * working). An address with a confirmed account gets "someone tried to sign up with your
   * address" and nothing changes.
   */
  async register(dto: RegisterDto): Promise<void> {
    const registration = {
      email: dto.email.trim(),
      passwordHash: await hashPassword(dto.password),
      role: dto.role,
      name: dto.name.trim(),
      phone: dto.phone ?? null,
      timezone: dto.timezone,
    };
    const requestId = randomUUID();
    await this.dataSource.transaction(async (em) => {
      const id = await this.repository.insertUnlessTaken(registration, em);
      if (id) {
        const actor = { id, role: registration.role };
        const target = { type: 'account' as const, id };
        await this.audit.record(
          { actor, action: 'account.created', target, details: { role: actor.role } },
          em,
        );
        await this.events.publish(
          'account.confirmation_requested',
          { accountId: id, requestId },
          em,
        );
        return;
      }
      const existing = await this.repository.lockByEmail(registration.email, em);
      if (!existing) throw new Error('Registration lost a race with an erasure; it is retried');
      const target = { type: 'account' as const, id: existing.id };
      const event = { accountId: existing.id, requestId };
      if (existing.confirmed) {
        await this.audit.record(
          { actor: null, action: 'account.registration_repeated', target },
          em,
        );
        await this.events.publish('account.registration_repeated', event, em);
        return;
      }
      await this.repository.renewUnconfirmed(existing.id, registration, em);
      await this.tokens.spendAll(existing.id, [Purpose.Confirm], em);
      await this.audit.record({ actor: null, action: 'account.registration_renewed', target }, em);
      await this.events.publish('account.confirmation_requested', event, em);
    });
  }

  /**
   * Follows a confirmation or email-change link: the address is proven, and the account is the
   * caller's to sign in to. 422 link-invalid when the link is wrong, used or expired, or the
   * account no longer has (or no longer wants) that address; 409 email-taken when another account
   * took the new address meanwhile.
   */
  async confirm(token: string): Promise<Account> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const spent = await this.tokens.spend(token, [Purpose.Confirm, Purpose.Change], em);
        const now = this.clock.now();
        const confirmed =
          spent.purpose === Purpose.Confirm
            ? await this.repository.confirm(spent.accountId, spent.email, now, em)
            : await this.repository.takePendingEmail(spent.accountId, spent.email, now, em);
        const account = confirmed ? await this.identity.findActive(spent.accountId, em) : null;
        if (!account) throw new LinkInvalidError();
        await this.audit.record(
          {
            actor: { id: account.id, role: account.role },
            action:
              spent.purpose === Purpose.Confirm
                ? 'account.email_confirmed'
                : 'account.email_changed',
            target: { type: 'account', id: account.id },
          },
          em,
        );
        return account;
      });
    } catch (error) {
      if (!isUniqueViolation(error, 'account_email_key')) throw error;
      throw new ConflictError(
        'email-taken',
        'Another account has started using this address. Ask for the change again with another address.',
      );
    }
  }

  /**
   * Mails a reset link when the address is a confirmed account's; otherwise nothing, with the
   * same answer and the same work (one transaction, one audit row). Limited per address and IP.
   */
  async requestPasswordReset(email: string, ip: string | undefined): Promise<void> {
    await this.limiter.attempt(email, ip, false, 'reset');
    await this.dataSource.transaction(async (em) => {
      const found = await this.repository.findConfirmed(email.trim(), em);
      await this.audit.record(
        {
          actor: null,
          action: 'auth.password_reset_requested',
          target: found ? { type: 'account', id: found.id } : undefined,
          details: found ? {} : { emailDigest: digest(email) },
        },
        em,
      );
      if (!found) return;
      await this.events.publish(
        'account.password_reset_requested',
        { accountId: found.id, requestId: randomUUID() },
        em,
      );
    });
  }

  /**
   * Sets the new password from a reset link. Every login and access token of the account ends,
   * as with a password change, every other reset link dies, and the owner is told by mail.
   * Limited per IP (wrong links count, as failed logins do).
   */
  async completePasswordReset(
    token: string,
    password: string,
    ip: string | undefined,
  ): Promise<void> {
    const key = createHash('sha256').update(token).digest('hex');
    await this.limiter.attempt(key, ip, false, 'reset-complete');
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (em) => {
      const spent = await this.tokens.spend(token, [Purpose.Reset], em);
      if (!(await this.repository.setPassword(spent.accountId, spent.email, passwordHash, em))) {
        throw new LinkInvalidError();
      }
      const account = await this.identity.get(spent.accountId, em);
      await this.identity.revokeSessions(account.id, em);
      await this.tokens.spendAll(account.id, [Purpose.Reset], em);
      const actor = { id: account.id, role: account.role };
      const target = { type: 'account' as const, id: account.id };
      await this.audit.record({ actor, action: 'auth.password_reset', target }, em);
      await this.events.publish(
        'account.password_changed',
        { accountId: account.id, requestId: randomUUID() },
        em,
      );
    });
    await this.limiter.succeeded(key, ip, 'reset-complete');
  }

  /**
   * Asks to sign in with another address, with the current password (403 when wrong, counted as
   * a failed login). A link goes to the new address and a notice to the one in use; the change
   * happens only when the link is followed. When another account has the address nothing is
   * sent, and the caller is told nothing different (the audit trail records the refusal).
   */
  async requestEmailChange(
    actor: Actor,
    newEmail: string,
    password: string,
    ip: string | undefined,
  ): Promise<void> {
    const account = await this.identity.proveCurrentPassword(
      actor,
      password,
      ip,
      'auth.email_change_failed',
    );
    const email = newEmail.trim();
    const target = { type: 'account' as const, id: actor.id };
    await this.dataSource.transaction(async (em) => {
      if (email.toLowerCase() === account.email?.toLowerCase()) {
        await this.repository.setPendingEmail(actor.id, null, em);
        await this.tokens.spendAll(actor.id, [Purpose.Change], em);
        return;
      }
      if (await this.repository.inUse(email, em)) {
        await this.audit.record({ actor, action: 'account.email_change_declined', target }, em);
        return;
      }
      await this.repository.setPendingEmail(actor.id, email, em);
      await this.tokens.spendAll(actor.id, [Purpose.Change], em);
      await this.audit.record({ actor, action: 'account.email_change_requested', target }, em);
      await this.events.publish(
        'account.email_change_requested',
        { accountId: actor.id, requestId: randomUUID() },
        em,
      );
    });
  }

  /**
   * A coordinator sends a new confirmation link to someone who lost theirs (audited). 404 for no
   * such account, 409 email-confirmed when there is nothing to confirm.
   */
  async resendConfirmation(actor: Actor, accountId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const account = await this.identity.findActive(accountId, em);
      if (!account || !account.email) throw new NotFoundError('account');
      if (account.emailConfirmedAt) {
        throw new ConflictError(
          'email-confirmed',
          'This person has already confirmed their email.',
        );
      }
      const target = { type: 'account' as const, id: account.id };
      await this.audit.record({ actor, action: 'account.confirmation_resent', target }, em);
      await this.events.publish(
        'account.confirmation_requested',
        { accountId: account.id, requestId: randomUUID() },
        em,
      );
    });
  }
}
