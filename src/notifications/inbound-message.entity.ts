import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Notification } from './notification.entity';

/**
 * A message someone sent to our number (SMS or WhatsApp), one row per Twilio `MessageSid`, so a
 * webhook Twilio delivers twice is handled once. It records what the message did, never what it
 * said: replies may carry personal words, and the action taken is all anyone needs later.
 * Also the WhatsApp conversation window: free text may go to a number for 24 hours after its
 * last inbound message here.
 */
@Entity('inbound_message')
@Index('inbound_message_from_idx', ['fromPhone', 'channel', 'receivedAt'])
@Check('inbound_message_channel_check', `channel IN ('sms', 'whatsapp')`)
export class InboundMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'inbound_message_pkey' })
  id!: string;

  /** Twilio's id of the inbound message (`SM…` or `MM…`). */
  @Column({ type: 'text' })
  @Index('inbound_message_sid_key', { unique: true })
  messageSid!: string;

  @Column({ type: 'text' })
  channel!: 'sms' | 'whatsapp';

  /** E.164, without the `whatsapp:` prefix; blanked when the person is erased. */
  @Column({ type: 'text', nullable: true })
  fromPhone!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  receivedAt!: Date;

  /** The text of ours it answered (the most recent one to that number within the window). */
  @Column({ type: 'uuid', nullable: true })
  inReplyToId!: string | null;

  @ManyToOne(() => Notification, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'in_reply_to_id',
    foreignKeyConstraintName: 'inbound_message_in_reply_to_fk',
  })
  inReplyTo?: Notification;

  /** What it did: `stop`, `start`, `help`, `call-completed`, `unknown`, ... */
  @Column({ type: 'text' })
  action!: string;
}
