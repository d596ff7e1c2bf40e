import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';
import { NotificationChannel, NotificationStatus } from './notification-status';
import { NotificationTemplate } from './notification-templates';

/**
 * The outbox: one row per message that must go out. Written in the transaction of the change that
 * causes it; Bull only wakes a worker for it. The row stays as the record of what was sent.
 */
@Entity('notification')
@Index('notification_due_idx', ['status', 'dueAt'])
@Index('notification_recipient_idx', ['recipientId', 'dueAt'])
@Index('notification_about_idx', ['about'])
@Index('notification_to_phone_idx', ['toPhone'])
@Check(
  'notification_status_check',
  `status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'cancelled', 'skipped')`,
)
@Check('notification_channel_check', `channel IN ('sms', 'whatsapp', 'email')`)
@Check(
  'notification_fallback_check',
  `fallback_from IS NULL OR (fallback_from = 'whatsapp' AND channel = 'sms' AND fallback_error_code IS NOT NULL)`,
)
@Check(
  'notification_fallback_provider_id_check',
  `fallback_provider_message_id IS NULL OR fallback_from = 'whatsapp'`,
)
@Check('notification_attempts_check', `attempts >= 0`)
@Check(
  'notification_sent_has_provider_id_check',
  `status NOT IN ('sent', 'delivered') OR provider_message_id IS NOT NULL`,
)
@Check('notification_sending_is_claimed_check', `status <> 'sending' OR claimed_at IS NOT NULL`)
export class Notification {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'notification_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  recipientId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_recipient_fk' })
  recipient?: Account;

  @Column({ type: 'text', default: NotificationChannel.Sms })
  channel!: NotificationChannel;

  @Column({ type: 'text' })
  template!: NotificationTemplate;

  /** What it is about: `session:<id>`, `checkin:<id>`, `pairing:<id>`, `concern:<id>`, `vetting:<userId>`. */
  @Column({ type: 'text' })
  about!: string;

  /** Ids and instants needed to render the text at send time; never names or numbers. */
  @Column({ type: 'jsonb', default: {} })
  payload!: Record<string, string>;

  /** One logical message, one row: e.g. `session:<id>:reminder:24h:<start>:<recipient>`. */
  @Column({ type: 'text' })
  @Index('notification_idempotency_key', { unique: true })
  idempotencyKey!: string;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: NotificationStatus.Pending })
  status!: NotificationStatus;

  /** Times a worker has claimed it. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  @Index('notification_provider_message_id_key', { unique: true })
  providerMessageId!: string | null;

  /** Provider error code (e.g. Twilio 21211) or `http-503` of the last failed attempt. */
  @Column({ type: 'text', nullable: true })
  lastErrorCode!: string | null;

  /** Why it was cancelled or skipped, e.g. `consent-withdrawn`, `no-phone`, `opted-out`. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The number and text actually sent; blanked on erasure. */
  @Column({ type: 'text', nullable: true })
  toPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  /** The address a mail actually went to; blanked on erasure. */
  @Column({ type: 'text', nullable: true })
  toEmail!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /**
   * Set when a WhatsApp attempt failed for good and the text went by SMS instead (once, never
   * back): the channel tried first. `channel` then says `sms`, what finally went.
   */
  @Column({ type: 'text', nullable: true })
  fallbackFrom!: NotificationChannel.WhatsApp | null;

  /** Why the WhatsApp attempt failed: Twilio's code (63003, 63016, 63024) or `no-template`. */
  @Column({ type: 'text', nullable: true })
  fallbackErrorCode!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  fallbackAt!: Date | null;

  /**
   * The WhatsApp message's SID when Twilio accepted it and reported the refusal later, by status
   * callback; `providerMessageId` is then the SMS's. Null when WhatsApp refused at once.
   */
  @Column({ type: 'text', nullable: true })
  fallbackProviderMessageId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
