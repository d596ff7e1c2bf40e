import { ApiProperty } from '@nestjs/swagger';
import { NotificationChannel } from './notification-status';

/** How my texts reach me. */
export class TextChannelView {
  /** What texts use now: my choice, or the service's default if I have not chosen. */
  @ApiProperty({ enum: [NotificationChannel.Sms, NotificationChannel.WhatsApp] })
  channel!: NotificationChannel;
  /** False when I have never chosen (`channel` is then the default). */
  chosen!: boolean;
  /** Whether the service offers WhatsApp at all. */
  whatsappAvailable!: boolean;
  /** Whether I have agreed to WhatsApp messages (`whatsapp_messages`); WhatsApp needs it. */
  whatsappConsent!: boolean;
  /** True when I chose WhatsApp but my texts go by SMS, because WhatsApp consent is missing. */
  fallsBackToSms!: boolean;
}
