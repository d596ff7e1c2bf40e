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
import { Account } from '../identity/account.entity';
import { Concern } from './concern.entity';
import { ConcernEntryKind, ConcernStatus } from './concern-types';

/**
 * The history of a concern, append-only (a trigger refuses UPDATE and DELETE): that it was raised,
 * each status change with its reason (and, for a referral, to whom), each note. Reasons, referrals
 * and notes are sealed like the concern's own text. The reporter is never named here, so erasure
 * has nothing to rewrite in this table.
 */
@Entity('concern_entry')
@Index('IDX_concern_entry_concern', ['concernId', 'seq'])
@Check(
  'concern_entry_shape',
  `(kind = 'raised' AND from_status IS NULL AND to_status = 'open' AND actor_id IS NULL)
   OR (kind = 'status' AND reason_sealed IS NOT NULL
       AND (from_status, to_status) IN (('open', 'triaged'), ('triaged', 'referred'),
                                        ('triaged', 'closed'), ('referred', 'closed'))
       AND (to_status = 'referred') = (referred_to_sealed IS NOT NULL))
   OR (kind = 'note' AND note_sealed IS NOT NULL AND from_status IS NULL AND to_status IS NULL)`,
)
export class ConcernEntry {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'concern_entry_pkey' })
  id!: string;

  /** Total order of the history; timestamps can tie, this cannot. */
  @Column({ type: 'bigint', generated: 'increment' })
  seq!: string;

  @Column({ type: 'uuid' })
  concernId!: string;

  @ManyToOne(() => Concern, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'concern_id', foreignKeyConstraintName: 'concern_entry_concern_fk' })
  concern?: Concern;

  @Column({ type: 'enum', enum: ConcernEntryKind, enumName: 'concern_entry_kind' })
  kind!: ConcernEntryKind;

  /** The coordinator who made the change; null when the service raised it. */
  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'concern_entry_actor_fk' })
  actor?: Account;

  @Column({ type: 'enum', enum: ConcernStatus, enumName: 'concern_status', nullable: true })
  fromStatus!: ConcernStatus | null;

  @Column({ type: 'enum', enum: ConcernStatus, enumName: 'concern_status', nullable: true })
  toStatus!: ConcernStatus | null;

  @Column({ type: 'text', nullable: true })
  reasonSealed!: string | null;

  @Column({ type: 'text', nullable: true })
  referredToSealed!: string | null;

  @Column({ type: 'text', nullable: true })
  noteSealed!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
