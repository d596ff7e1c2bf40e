import { IsEnum, IsOptional } from 'class-validator';
import { MessageWay } from '../message-preference.entity';

/** What to change; a kind left out keeps its current way. */
export class MessageChoiceDto {
  /** Reminders of a session or call ahead: `text`, `email` or `both`. */
  @IsOptional()
  @IsEnum(MessageWay)
  reminders?: MessageWay;

  /** Notices of bookings, moves and cancellations: `text`, `email` or `both`. */
  @IsOptional()
  @IsEnum(MessageWay)
  changes?: MessageWay;
}
