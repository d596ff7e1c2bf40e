import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { smsConfig } from '../../config/configuration';
import { Actor } from '../common/auth.decorators';
import { DataRights } from '../common/data-rights.service';
import { ConflictError } from '../common/domain-error';
import { ConsentMissingError } from '../consent/consent-missing.error';
import { ConsentPurpose } from '../consent/consent-purpose';
import { ConsentService } from '../consent/consent.service';
import type { TextChannel } from './dto/text-preference.dto';
import { NotificationChannel } from './notification-status';
import { TextChannelView } from './text-preference.view';

class WhatsAppUnavailableError extends ConflictError {
  constructor() {
    super('whatsapp-unavailable', 'This service does not send WhatsApp messages; texts go by SMS.');
  }
}

/**
 * Who wants texts by SMS and who by WhatsApp. The choice is a person's own; whether WhatsApp may
 * actually be used at send time (consent, the 24-hour window, templates) is DeliveryService's call.
 */
@Injectable()
export class TextPreferenceService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly dataRights: DataRights,
    @Inject(smsConfig.KEY) private readonly config: ConfigType<typeof smsConfig>,
  ) {}

  onModuleInit(): void {
    this.dataRights.register({
      name: 'text_preference',
      export: async (userId, em) => (await this.chosen(userId, em)) ?? null,
      erase: async (userId, em) => {
        await em.query(`DELETE FROM text_preference WHERE account_id = $1`, [userId]);
      },
    });
  }

  /** The channel texts to this person should use, before consent and the window are checked. */
  async channelFor(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<TextChannel> {
    if (!this.config.whatsapp.enabled) return NotificationChannel.Sms;
    const chosen = await this.chosen(userId, em);
    // The table's check and the choice's validation hold texts to SMS and WhatsApp.
    return (chosen?.channel ?? this.config.defaultChannel) as TextChannel;
  }

  async view(actor: Actor): Promise<TextChannelView> {
    const [chosen, whatsappConsent] = await Promise.all([
      this.chosen(actor.id),
      this.consent.hasConsent(actor.id, ConsentPurpose.WhatsappMessages),
    ]);
    const channel = await this.channelFor(actor.id);
    return {
      channel,
      chosen: chosen !== null,
      whatsappAvailable: this.config.whatsapp.enabled,
      whatsappConsent,
      fallsBackToSms: channel === NotificationChannel.WhatsApp && !whatsappConsent,
    };
  }

  /** 409 if WhatsApp is not offered; 403 consent-missing if WhatsApp is chosen without consent. */
  async choose(actor: Actor, channel: NotificationChannel): Promise<TextChannelView> {
    if (channel === NotificationChannel.WhatsApp) {
      if (!this.config.whatsapp.enabled) throw new WhatsAppUnavailableError();
      if (!(await this.consent.hasConsent(actor.id, ConsentPurpose.WhatsappMessages))) {
        throw new ConsentMissingError(ConsentPurpose.WhatsappMessages);
      }
    }
    await this.dataSource.query(
      `INSERT INTO text_preference (account_id, channel) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET channel = EXCLUDED.channel, updated_at = now()`,
      [actor.id, channel],
    );
    return this.view(actor);
  }

  private async chosen(
    userId: string,
    em: EntityManager = this.dataSource.manager,
  ): Promise<{ channel: NotificationChannel; updatedAt: Date } | null> {
    const rows = await em.query<Array<{ channel: NotificationChannel; updatedAt: Date }>>(
      `SELECT channel, updated_at AS "updatedAt" FROM text_preference WHERE account_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }
}
