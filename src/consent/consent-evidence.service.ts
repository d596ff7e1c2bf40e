import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { createHmac } from 'node:crypto';
import { consentConfig } from '../../config/configuration';

/** Where a consent choice came from, as the HTTP request showed it. */
export interface RequestOrigin {
  ip: string | undefined;
  userAgent: string | undefined;
}

/**
 * Evidence kept with each consent event (GDPR Art. 7(1): be able to show consent was given):
 * keyed HMAC-SHA-256 digests of the client IP and user agent. A digest can confirm "this request
 * came from that address" when the raw value is presented again, but cannot be turned back into it,
 * and a secret key stops anyone from trying all 2^32 IPv4 addresses.
 */
@Injectable()
export class ConsentEvidence {
  constructor(
    @Inject(consentConfig.KEY) private readonly config: ConfigType<typeof consentConfig>,
  ) {}

  of(origin: RequestOrigin): Record<string, string> {
    return {
      method: 'hmac-sha256',
      ip: this.digest('ip', origin.ip ?? ''),
      userAgent: this.digest('user-agent', origin.userAgent ?? ''),
    };
  }

  private digest(kind: string, value: string): string {
    return createHmac('sha256', this.config.evidenceSecret)
      .update(`${kind}\0${value}`)
      .digest('hex');
  }
}
