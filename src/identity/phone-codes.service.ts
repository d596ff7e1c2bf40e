import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { authConfig } from '../../config/configuration';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events.service';
import { NotFoundError } from '../common/domain-error';
import { phoneParts } from '../common/phone';
import { PHONE_CODE_MAX_TRIES } from './phone-code.entity';
import { PhoneCodeRequestView } from './phone-code.view';
import {
  CodeRejectedError,
  NoCodeError,
  NoPhoneError,
  PhoneAlreadyConfirmedError,
  TooManyCodesError,
} from './phone-codes.errors';
import { PhoneCodesRepository } from './phone-codes.repository';

export const PHONE_CODE_MINUTES = 10;
export const PHONE_CODES_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/**
 * Proving a phone number: a person asks for a code (at most 3 an hour), we text 6 digits that work
 * for 10 minutes and 5 tries, and typing them back confirms the number the text went to. The code
 * is drawn when the text is sent (`mint`, asked by the notifications renderer), so it lives only
 * in the text: the row keeps an HMAC keyed by the server's secret (6 digits hashed plainly could
 * be tried against all million values), and the outbox row keeps the text with the code removed.
 */
@Injectable()
export class PhoneCodesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly codes: PhoneCodesRepository,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
  ) {}

  /** Asks for a code to the caller's number; the text goes through the outbox. */
  async request(actor: Actor): Promise<PhoneCodeRequestView> {
    return this.dataSource.transaction(async (em) => {
      const holder = await this.codes.lockHolder(actor.id, em);
      if (!holder) throw new NotFoundError('account');
      if (!holder.phone) throw new NoPhoneError();
      if (holder.phoneConfirmed) throw new PhoneAlreadyConfirmedError();
      const now = this.clock.now();
      const recent = await this.codes.requestedSince(
        actor.id,
        new Date(now.getTime() - HOUR_MS),
        em,
      );
      if (recent.length >= PHONE_CODES_PER_HOUR) {
        const freeAt = recent[recent.length - PHONE_CODES_PER_HOUR].getTime() + HOUR_MS;
        throw new TooManyCodesError(Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000)));
      }
      const phoneCodeId = await this.codes.insert(actor.id, now, em);
      await this.events.publish('phone.code_requested', { userId: actor.id, phoneCodeId }, em);
      return {
        sentTo: phoneParts(holder.phone).national,
        minutesValid: PHONE_CODE_MINUTES,
        codesLeft: PHONE_CODES_PER_HOUR - recent.length - 1,
      };
    });
  }

  /**
   * Draws the code of a requested row as its text is sent, bound to the number the account has
   * now; null when there is nothing to send it for (used, or no number any more). A retried send
   * draws a new code: only the code in the text that finally went works.
   */
  async mint(phoneCodeId: string): Promise<string | null> {
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    const expiresAt = new Date(this.clock.now().getTime() + PHONE_CODE_MINUTES * 60_000);
    const minted = await this.codes.mint(
      phoneCodeId,
      this.hash(phoneCodeId, code),
      expiresAt,
      this.dataSource.manager,
    );
    return minted ? code : null;
  }

  /** Confirms the caller's number with the code from the latest text, or says why not. */
  async confirm(actor: Actor, code: string): Promise<void> {
    const rejected = await this.dataSource.transaction(async (em) => {
      const holder = await this.codes.lockHolder(actor.id, em);
      if (!holder) throw new NotFoundError('account');
      if (!holder.phone) throw new NoPhoneError();
      if (holder.phoneConfirmed) throw new PhoneAlreadyConfirmedError();
      const sent = await this.codes.lockLatestSent(actor.id, em);
      if (!sent) throw new NoCodeError();
      if (sent.usedAt) return new CodeRejectedError('code-used');
      if (sent.tries >= PHONE_CODE_MAX_TRIES) return new CodeRejectedError('code-used-up');
      const now = this.clock.now();
      if (sent.expiresAt <= now) return new CodeRejectedError('code-expired');
      if (sent.phone !== holder.phone) return new CodeRejectedError('phone-changed');
      if (!timingSafeEqual(this.hash(sent.id, code), sent.codeHash)) {
        // Counted in this transaction, which commits: the refusal is thrown after it.
        await this.codes.addTry(sent.id, em);
        const left = PHONE_CODE_MAX_TRIES - sent.tries - 1;
        return new CodeRejectedError(left > 0 ? 'wrong-code' : 'code-used-up', left || undefined);
      }
      await this.codes.confirm(sent, actor.id, now, em);
      await this.record(actor, em);
      return null;
    });
    if (rejected) throw rejected;
  }

  /** Erasure: the codes and the numbers they went to. */
  forget(accountId: string, em: EntityManager): Promise<void> {
    return this.codes.forget(accountId, em);
  }

  private record(actor: Actor, em: EntityManager) {
    return this.audit.record(
      {
        actor,
        action: 'account.phone_confirmed',
        target: { type: 'account', id: actor.id },
        details: {},
      },
      em,
    );
  }

  /** Keyed by its own key, derived from the server's secret, so no HMAC here is ever a token's. */
  private hash(phoneCodeId: string, code: string): Buffer {
    const key = createHmac('sha256', this.config.jwtSecret).update('vws phone codes v1').digest();
    return createHmac('sha256', key).update(`${phoneCodeId}:${code}`).digest();
  }
}
