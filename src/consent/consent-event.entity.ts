import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Account } from '../identity/account.entity';
import { ConsentText } from './consent-text.entity';
import { ConsentChannel, ConsentPurpose } from './consent-purpose';

/**
 * The consent ledger: one row per grant or withdrawal, never changed (a trigger refuses UPDATE and
 * DELETE). The current state of a purpose is its latest event by `seq`.
 */
@Entity('consent_event')
@Index('IDX_consent_event_subject', ['subjectId', 'purpose', 'seq'])
export class ConsentEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Total order of the ledger; timestamps can tie, this cannot. */
  @Column({ type: 'bigint', generated: 'increment', unique: true })
  seq!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  /** Kept after erasure: the account row stays, anonymised, as the pseudonymous subject. */
  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'consent_event_subject_fk' })
  subject?: Account;

  /** The exact text agreed to or withdrawn from: an unknown purpose or version cannot be stored. */
  @ManyToOne(() => ConsentText, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'purpose', referencedColumnName: 'purpose' },
    { name: 'version', referencedColumnName: 'version' },
  ])
  text?: ConsentText;

  @Column({ type: 'text' })
  purpose!: ConsentPurpose;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'boolean' })
  granted!: boolean;

  @Column({ type: 'enum', enum: ConsentChannel, enumName: 'consent_channel' })
  channel!: ConsentChannel;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  /** Hashed IP and user agent (never the raw values). */
  @Column({ type: 'jsonb', default: {} })
  evidence!: Record<string, string>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
