import { IsIn } from 'class-validator';
import { NotificationChannel } from '../notification-status';

export class TextChannelChoice {
  /** `sms` or `whatsapp`. WhatsApp needs consent to `whatsapp_messages` first. */
  @IsIn([NotificationChannel.Sms, NotificationChannel.WhatsApp], {
    message: 'channel must be sms or whatsapp',
  })
  channel!: NotificationChannel.Sms | NotificationChannel.WhatsApp;
}
