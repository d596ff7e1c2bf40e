import { FactoryProvider } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { appConfig, smsConfig } from '../../config/configuration';
import { LogSmsSender } from './log-sms-sender';
import { SMS_SENDER, SmsSender } from './sms-sender';
import { TwilioSmsSender } from './twilio-sms-sender';

/** The path Twilio posts delivery reports to (see TwilioWebhooksController). */
export const STATUS_CALLBACK_PATH = '/v1/webhooks/twilio/status';

/** Picks the transport from SMS_DRIVER; configuration validation guarantees Twilio's settings. */
export const smsSenderProvider: FactoryProvider<SmsSender> = {
  provide: SMS_SENDER,
  inject: [smsConfig.KEY, appConfig.KEY],
  useFactory: (sms: ConfigType<typeof smsConfig>, app: ConfigType<typeof appConfig>) => {
    if (sms.driver === 'log') return new LogSmsSender();
    const { accountSid, authToken, from, messagingServiceSid, apiBaseUrl, whatsappFrom } =
      sms.twilio;
    if (!accountSid || !authToken) throw new Error('Twilio credentials are required');
    return new TwilioSmsSender({
      accountSid,
      authToken,
      from,
      messagingServiceSid,
      apiBaseUrl,
      whatsappFrom,
      statusCallback: `${app.publicBaseUrl}${STATUS_CALLBACK_PATH}`,
    });
  },
};
