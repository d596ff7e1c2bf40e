import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Account } from '../identity/account.entity';

/**
 * That a person's data was erased (GDPR Art. 17), when, at whose request and by which parts. One
 * per subject: a second request finds this row and answers the same. Append-only, like the ledger.
 */
@Entity('erasure')
@Index('IDX_erasure_at', ['at', 'id'])
@Unique('erasure_subject_key', ['subjectId'])
export class Erasure {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'erasure_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  subjectId!: string;

  /** The anonymised account stays as the pseudonymous subject of what is kept. */
  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_id', foreignKeyConstraintName: 'erasure_subject_fk' })
  subject?: Account;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'erasure_requested_by_fk' })
  requester?: Account;

  /** Names of the personal-data parts that ran (see DataRights). */
  @Column({ type: 'text', array: true })
  parts!: string[];

  /** Millisecond precision, so the keyset cursor (a JS Date) round-trips exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at!: Date;
}
