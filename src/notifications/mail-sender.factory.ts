import { FactoryProvider } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { mailConfig } from '../../config/configuration';
import { LogMailSender } from './log-mail-sender';
import { MAIL_SENDER, MailSender } from './mail-sender';
import { SmtpMailSender } from './smtp-mail-sender';

/** Picks the transport from MAIL_DRIVER; configuration validation guarantees SMTP_URL. */
export const mailSenderProvider: FactoryProvider<MailSender> = {
  provide: MAIL_SENDER,
  inject: [mailConfig.KEY],
  useFactory: (mail: ConfigType<typeof mailConfig>) => {
    if (mail.driver === 'log') return new LogMailSender();
    if (!mail.smtpUrl) throw new Error('SMTP_URL is required when MAIL_DRIVER=smtp');
    return new SmtpMailSender(mail.smtpUrl, mail.from);
  },
};
