import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import type { Request } from 'express';
import twilio from 'twilio';
import { appConfig, smsConfig } from '../../config/configuration';
import { ForbiddenError } from '../common/domain-error';

/**
 * Twilio webhooks are public routes, so this is their authentication: the X-Twilio-Signature
 * header must be Twilio's HMAC of our public URL for the route plus the posted form fields,
 * keyed with our auth token. Without a token configured nothing can be verified: all refused.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Inject(smsConfig.KEY) private readonly sms: ConfigType<typeof smsConfig>,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header('x-twilio-signature');
    const token = this.sms.twilio.authToken;
    const params = (request.body ?? {}) as Record<string, string | string[]>;
    const url = `${this.app.publicBaseUrl}${request.originalUrl}`;
    if (!token || !signature || !twilio.validateRequest(token, signature, url, params)) {
      throw new ForbiddenError('invalid-signature', 'The Twilio signature is missing or wrong.');
    }
    return true;
  }
}
