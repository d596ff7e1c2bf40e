import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NotificationChannel } from '../notification-status';

/** The channels a text can take; mail is not one of them. */
export const TEXT_CHANNELS = [NotificationChannel.Sms, NotificationChannel.WhatsApp] as const;
export type TextChannel = (typeof TEXT_CHANNELS)[number];

export class TextChannelChoice {
  /** `sms` or `whatsapp`. WhatsApp needs consent to `whatsapp_messages` first. */
  @ApiProperty({ enum: TEXT_CHANNELS })
  @IsIn(TEXT_CHANNELS)
  channel!: TextChannel;
}
