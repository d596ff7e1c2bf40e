import { ApiProperty } from '@nestjs/swagger';
import { TEXT_CHANNELS, type TextChannel } from './dto/text-preference.dto';

/** How my texts reach me. */
export class TextChannelView {
  /** What texts use now: my choice, or the service's default if I have not chosen. */
  @ApiProperty({ enum: TEXT_CHANNELS })
  channel!: TextChannel;
  /** False when I have never chosen (`channel` is then the default). */
  chosen!: boolean;
  /** Whether the service offers WhatsApp at all. */
  whatsappAvailable!: boolean;
  /** Whether I have agreed to WhatsApp messages (`whatsapp_messages`); WhatsApp needs it. */
  whatsappConsent!: boolean;
  /** True when I chose WhatsApp but my texts go by SMS, because WhatsApp consent is missing. */
  fallsBackToSms!: boolean;
}
