import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';
import { ConcernCategory, ConcernSource, ConcernStatus, ConcernUrgency } from './concern-types';

const SEALED = (column: string) => `${column} ~ '^v1\\.[A-Za-z0-9_-]+\\.'`;

/**
 * A safeguarding concern. Free text (details, where, the description of an unregistered person) is
 * sealed by the application (AES-256-GCM, see ConcernCipher): the row holds no plaintext, and CHECK
 * constraints refuse anything that is not an envelope. The reporter is an account until they erase
 * their data; then a random pseudonym, shared by all their reports, takes the id's place.
 */
@Entity('concern')
@Index('IDX_concern_created', ['createdAt', 'id'])
@Index('IDX_concern_reporter', ['reporterId', 'createdAt'])
@Index('UQ_concern_checkin', ['checkinId'], { unique: true, where: 'checkin_id IS NOT NULL' })
@Check('concern_reporter_one', 'num_nonnulls(reporter_id, reporter_pseudonym) = 1')
@Check('concern_subject_one', 'num_nonnulls(subject_user_id, subject_description_sealed) = 1')
@Check('concern_details_sealed', SEALED('details_sealed'))
@Check('concern_location_sealed', `location_sealed IS NULL OR ${SEALED('location_sealed')}`)
@Check(
  'concern_subject_description_sealed',
  `subject_description_sealed IS NULL OR ${SEALED('subject_description_sealed')}`,
)
@Check('concern_checkin_source', `(source = 'checkin') = (checkin_id IS NOT NULL)`)
export class Concern {
  /** Chosen by the application before sealing, as part of each envelope's associated data. */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'concern_pkey' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  reporterId!: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'concern_reporter_fk' })
  reporter?: Account;

  /** Replaces reporterId when the reporter erases their data. */
  @Column({ type: 'uuid', nullable: true })
  reporterPseudonym!: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectUserId!: string | null;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subject_user_id', foreignKeyConstraintName: 'concern_subject_fk' })
  subject?: Account;

  /** Sealed description of a person who is not registered. */
  @Column({ type: 'text', nullable: true })
  subjectDescriptionSealed!: string | null;

  @Column({ type: 'enum', enum: ConcernCategory, enumName: 'concern_category' })
  category!: ConcernCategory;

  @Column({ type: 'enum', enum: ConcernUrgency, enumName: 'concern_urgency' })
  urgency!: ConcernUrgency;

  /** Sealed: what happened. */
  @Column({ type: 'text' })
  detailsSealed!: string;

  /** Sealed: where it happened. */
  @Column({ type: 'text', nullable: true })
  locationSealed!: string | null;

  /** When it happened, if the reporter knows. */
  @Column({ type: 'timestamptz', nullable: true })
  occurredAt!: Date | null;

  @Column({
    type: 'enum',
    enum: ConcernStatus,
    enumName: 'concern_status',
    default: ConcernStatus.Open,
  })
  status!: ConcernStatus;

  @Column({
    type: 'enum',
    enum: ConcernSource,
    enumName: 'concern_source',
    default: ConcernSource.Report,
  })
  source!: ConcernSource;

  /** The check-in call whose wellbeing flag raised it; at most one concern per call. */
  @Column({ type: 'uuid', nullable: true })
  checkinId!: string | null;

  /** Millisecond precision, so the keyset cursor (a JS Date) round-trips exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
