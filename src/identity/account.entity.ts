import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Role } from '../common/auth.decorators';

/**
 * A person who can sign in. Holds what every role has (name, contact, timezone); role-specific
 * profiles live in the people module. Email is unique case-insensitively (citext).
 */
@Entity('account')
@Check('account_email_confirmed_check', `"email_confirmed_at" IS NULL OR "email" IS NOT NULL`)
@Check('account_pending_email_check', `"pending_email" IS NULL OR "email" IS NOT NULL`)
@Check('account_phone_confirmed_check', `"phone_confirmed_at" IS NULL OR "phone" IS NOT NULL`)
export class Account {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Null once the account is erased. */
  @Column({ type: 'citext', nullable: true, unique: true })
  email!: string | null;

  /** When its owner followed the link sent to it; null until then (no sign-in, no mail). */
  @Column({ type: 'timestamptz', nullable: true })
  emailConfirmedAt!: Date | null;

  /**
   * An address asked for by PUT /v1/me/email, taken on only when its link is followed; null
   * otherwise. Mail about the change goes to it; nothing else does.
   */
  @Column({ type: 'citext', nullable: true })
  pendingEmail!: string | null;

  @Column({ type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'account_role' })
  role!: Role;

  @Column({ type: 'text' })
  name!: string;

  /** E.164. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** When its owner typed back the code sent to it; null until then, and again when it changes. */
  @Column({ type: 'timestamptz', nullable: true })
  phoneConfirmedAt!: Date | null;

  /** IANA zone the person lives in; every time shown to them is in it. */
  @Column({ type: 'text' })
  timezone!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  /**
   * Access tokens carry it (claim `ver`); bumping it (`revokeSessions`) makes every token issued
   * before useless at once.
   */
  @Column({ type: 'integer', default: 0 })
  tokenVersion!: number;
}
