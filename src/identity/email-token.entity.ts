import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Account } from './account.entity';

/** What a link sent by email lets its holder do, once. */
export enum EmailTokenPurpose {
  /** Confirm the address an account was registered with (60 minutes). */
  Confirm = 'confirm',
  /** Move the account to a new address, proving it (60 minutes). */
  Change = 'change',
  /** Choose a new password (30 minutes). */
  Reset = 'reset',
}

/**
 * One link sent by email. Minted when the mail is sent (the raw token exists only in the mail);
 * only its SHA-256 is kept. `email` is the address the link was sent to: a confirmation or
 * reset works only while the account still has that address, a change only while it is still the
 * one asked for. Used once (`used_at`), and never after `expires_at`.
 */
@Entity('email_token')
@Index('email_token_account_idx', ['accountId'])
@Check('email_token_purpose_check', `purpose IN ('confirm', 'change', 'reset')`)
@Check('email_token_expiry_check', `expires_at > created_at`)
export class EmailToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'email_token_pkey' })
  id!: string;

  @Index('email_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'email_token_account_fk' })
  account?: Account;

  @Column({ type: 'text' })
  purpose!: EmailTokenPurpose;

  @Column({ type: 'citext' })
  email!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
