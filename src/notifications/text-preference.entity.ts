import {
  Check,
  Column,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';
import { NotificationChannel } from './notification-status';

/**
 * How a person wants their texts: SMS or WhatsApp. No row means the configured default
 * (TEXT_CHANNEL_DEFAULT). Deleted on erasure; part of the personal-data export.
 */
@Entity('text_preference')
@Check('text_preference_channel_check', `channel IN ('sms', 'whatsapp')`)
export class TextPreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'text_preference_pkey' })
  accountId!: string;

  @OneToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'text_preference_account_fk' })
  account?: Account;

  @Column({ type: 'text' })
  channel!: NotificationChannel;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
