import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Account } from './account.entity';

/**
 * One refresh token of a browser login. Only its SHA-256 is kept. Every token a login rotates into
 * shares the login's `familyId`, so a spent token shown again (theft) revokes the whole family.
 */
@Entity('refresh_token')
@Index('refresh_token_family_idx', ['familyId'])
@Index('refresh_token_account_idx', ['accountId'])
export class RefreshToken {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'refresh_token_pkey' })
  id!: string;

  @Index('refresh_token_hash_key', { unique: true })
  @Column({ type: 'bytea' })
  tokenHash!: Buffer;

  @Column({ type: 'uuid' })
  familyId!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'refresh_token_account_fk' })
  account?: Account;

  /** The account's token version when issued; a later bump makes the token useless. */
  @Column({ type: 'integer' })
  tokenVersion!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when the token was exchanged for its successor. */
  @Column({ type: 'timestamptz', nullable: true })
  spentAt!: Date | null;

  /** Set by logout, reuse detection, erasure, suspension or a password change. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
