import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Account } from './account.entity';

/** Wrong codes one code takes before it stops working. */
export const PHONE_CODE_MAX_TRIES = 5;

/**
 * One code a person asked for to prove their number. The row is made when they ask; the code
 * itself is drawn when the text is sent (the renderer asks for it), so it exists only in the text:
 * the row keeps its HMAC, the number it went to and when it stops working.
 */
@Entity('phone_code')
@Index('phone_code_account_idx', ['accountId', 'createdAt'])
@Check('phone_code_tries_check', `"tries" >= 0 AND "tries" <= ${PHONE_CODE_MAX_TRIES}`)
@Check(
  'phone_code_minted_check',
  `("code_hash" IS NULL) = ("expires_at" IS NULL) AND ("code_hash" IS NULL) = ("phone" IS NULL) AND ("code_hash" IS NULL) = ("minted_at" IS NULL)`,
)
export class PhoneCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'phone_code_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'phone_code_account_fk' })
  account?: Account;

  /** HMAC-SHA256 of the code, keyed by the server's secret and bound to this row; null until sent. */
  @Column({ type: 'bytea', nullable: true })
  codeHash!: Buffer | null;

  /** The number the code was sent to (E.164); it proves that number only. Cleared on erasure. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /**
   * When the code was drawn, by the database's clock: it only orders one account's codes, so the
   * latest text's code is the one that works (two drawn in one millisecond still have an order).
   */
  @Column({ type: 'timestamptz', nullable: true })
  mintedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  tries!: number;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
