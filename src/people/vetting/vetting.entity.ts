import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../../identity/account.entity';
import type { VettedRole, VettingStatus } from '../people.types';

/**
 * A therapist's or buddy's current vetting, one row per person (created with their first profile).
 * The CHECK constraints make each status carry exactly the facts it needs; the history of how it
 * got here is in `vetting_decision`.
 */
@Entity('vetting')
@Check('vetting_role_check', `"role" IN ('therapist', 'buddy')`)
@Check(
  'vetting_status_check',
  `"status" IN ('pending', 'verified', 'suspended', 'expired', 'rejected')`,
)
@Check(
  'vetting_state_check',
  `CASE "status"
     WHEN 'pending' THEN "verified_at" IS NULL AND "verified_by" IS NULL AND "expires_on" IS NULL AND "suspended_at" IS NULL
     WHEN 'verified' THEN "verified_at" IS NOT NULL AND "verified_by" IS NOT NULL AND "expires_on" IS NOT NULL AND "suspended_at" IS NULL
     WHEN 'expired' THEN "verified_at" IS NOT NULL AND "expires_on" IS NOT NULL AND "suspended_at" IS NULL
     WHEN 'suspended' THEN "suspended_at" IS NOT NULL
     WHEN 'rejected' THEN "verified_at" IS NULL AND "verified_by" IS NULL AND "expires_on" IS NULL AND "suspended_at" IS NULL
   END`,
)
@Index('vetting_queue_idx', ['status', 'statusSince', 'accountId'])
export class Vetting {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'vetting_pkey' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'vetting_account_fk' })
  account?: Account;

  @Column({ type: 'text' })
  role!: VettedRole;

  @Column({ type: 'text' })
  status!: VettingStatus;

  /** When the current status began; the coordinator's queue is oldest first. */
  @Column({ type: 'timestamptz' })
  statusSince!: Date;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy!: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'verified_by', foreignKeyConstraintName: 'vetting_verified_by_fk' })
  verifier?: Account;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;

  /** First day (UTC) on which the vetting no longer holds. */
  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  /** The expiry date the 30-day warning was sent for, so a re-run never sends it twice. */
  @Column({ type: 'date', nullable: true })
  warnedFor!: string | null;
}
