import { IsEnum } from 'class-validator';
import { NotificationChannel } from '../notification-status';

export class TextChannelChoice {
  /** `sms` or `whatsapp`. WhatsApp needs consent to `whatsapp_messages` first. */
  @IsEnum(NotificationChannel)
  channel!: NotificationChannel;
}
