import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AccountEmailRepository, SpentToken } from './account-email.repository';
import { EmailTokenPurpose } from './email-token.entity';

/** How long a link works, from the moment its mail is sent. */
export const LINK_MINUTES: Record<EmailTokenPurpose, number> = {
  [EmailTokenPurpose.Confirm]: 60,
  [EmailTokenPurpose.Change]: 60,
  [EmailTokenPurpose.Reset]: 30,
};

/** A link that is wrong, used or expired: one answer for all three, so none tells the others. */
export class LinkInvalidError extends DomainError {
  constructor() {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'link-invalid',
      'This link does not work',
      'This link has expired or has already been used. Ask for a new one.',
    );
  }
}

/** A link minted for a mail: the raw token goes into the mail and nowhere else. */
export interface MintedLink {
  token: string;
  /** The address the mail must go to (the link works only for it). */
  email: string;
  expiresAt: Date;
  /** How long it works, as the mail says. */
  minutes: number;
}

const digest = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/**
 * The links sent by email: 32 random bytes (base64url), stored as their SHA-256, used once,
 * expiring 60 minutes (confirm, change) or 30 minutes (reset) after the mail went.
 */
@Injectable()
export class EmailTokens {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AccountEmailRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A new link of `purpose` for the account, to the address it would go to now; null when there
   * is none (confirmed since, change withdrawn, address unconfirmed, account erased): no mail.
   */
  async mint(
    accountId: string,
    purpose: EmailTokenPurpose,
    em: EntityManager = this.dataSource.manager,
  ): Promise<MintedLink | null> {
    const email = await this.repository.linkAddress(accountId, purpose, em);
    if (!email) return null;
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + LINK_MINUTES[purpose] * 60_000);
    await this.repository.insertToken(
      { tokenHash: digest(token), accountId, purpose, email },
      now,
      expiresAt,
      em,
    );
    return { token, email, expiresAt, minutes: LINK_MINUTES[purpose] };
  }

  /** Spends a live token of one of `purposes` in the caller's transaction, or 422 link-invalid. */
  async spend(
    token: string,
    purposes: readonly EmailTokenPurpose[],
    em: EntityManager,
  ): Promise<SpentToken> {
    const spent = await this.repository.spendToken(digest(token), purposes, this.clock.now(), em);
    if (!spent) throw new LinkInvalidError();
    return spent;
  }

  /** Every live link of the account for `purposes` stops working (a newer one replaces them). */
  spendAll(
    accountId: string,
    purposes: readonly EmailTokenPurpose[],
    em: EntityManager,
  ): Promise<void> {
    return this.repository.spendAll(accountId, purposes, this.clock.now(), em);
  }
}
