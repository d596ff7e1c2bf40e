import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';

/** Kinds of message a person chooses a way for. */
export enum MessageKind {
  /** Reminders of a session or call ahead. */
  Reminders = 'reminders',
  /** Notices that a session or call was booked, moved or cancelled. */
  Changes = 'changes',
}

/** By text (SMS or WhatsApp, as chosen for texts), by email, or both. */
export enum MessageWay {
  Text = 'text',
  Email = 'email',
  Both = 'both',
}

/**
 * How a person wants one kind of message. No row means the default (reminders by text, changes
 * by both). Deleted on erasure; part of the personal-data export.
 */
@Entity('message_preference')
@Check('message_preference_kind_check', `kind IN ('reminders', 'changes')`)
@Check('message_preference_way_check', `way IN ('text', 'email', 'both')`)
export class MessagePreference {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'message_preference_pkey' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'message_preference_account_fk' })
  account?: Account;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'message_preference_pkey' })
  kind!: MessageKind;

  @Column({ type: 'text' })
  way!: MessageWay;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
