import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Account } from '../../identity/account.entity';
import type { VettingStatus } from '../people.types';

export const VETTING_DECISIONS = [
  'submitted',
  'resubmitted',
  'verified',
  'suspended',
  'expired',
  'withdrawn',
  'rejected',
] as const;
export type VettingDecisionKind = (typeof VETTING_DECISIONS)[number];

/**
 * The vetting history: one row per change of status, never altered (a trigger refuses UPDATE,
 * DELETE and TRUNCATE). Ids, codes and dates only, so it survives erasure untouched; the free
 * text of a decision (evidence, reason) sits in `vetting_note`, which erasure removes.
 */
@Entity('vetting_decision')
@Check(
  'vetting_decision_kind_check',
  `"decision" IN (${VETTING_DECISIONS.map((d) => `'${d}'`).join(', ')})`,
)
@Index('vetting_decision_account_idx', ['accountId', 'seq'])
export class VettingDecision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'vetting_decision_pkey' })
  id!: string;

  /** Total order of the history; timestamps can tie, this cannot. */
  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'vetting_decision_account_fk' })
  account?: Account;

  @Column({ type: 'text' })
  decision!: VettingDecisionKind;

  @Column({ type: 'text', nullable: true })
  fromStatus!: VettingStatus | null;

  @Column({ type: 'text' })
  toStatus!: VettingStatus;

  /** The coordinator or the person; null for the expiry job. */
  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;
}
