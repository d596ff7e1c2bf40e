import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Pairing } from './pairing.entity';

export type CheckinStatus = 'scheduled' | 'completed' | 'missed' | 'cancelled';
export type Wellbeing = 'ok' | 'concern';

/**
 * One call of a pairing's plan. `scheduledFor` is the plan's instant and never changes, so the
 * materialiser can insert the same occurrence any number of times and get one row; `startsAt` is
 * when the call really is (a reschedule moves it).
 */
@Entity('checkin')
@Unique('checkin_pairing_scheduled_key', ['pairingId', 'scheduledFor'])
@Index('checkin_pairing_starts_key', ['pairingId', 'startsAt'], {
  unique: true,
  where: `"status" <> 'cancelled'`,
})
@Index('checkin_starts_idx', ['startsAt', 'id'])
@Check('checkin_status_check', `"status" IN ('scheduled', 'completed', 'missed', 'cancelled')`)
@Check(
  'checkin_wellbeing_check',
  `"wellbeing" IS NULL OR ("wellbeing" IN ('ok', 'concern') AND "status" = 'completed')`,
)
@Check(
  'checkin_outcome_check',
  `("status" IN ('completed', 'missed')) = ("outcome_at" IS NOT NULL)`,
)
@Check('checkin_cancelled_check', `("status" = 'cancelled') = ("cancelled_at" IS NOT NULL)`)
@Check('checkin_cancelled_by_check', `"cancelled_by" IS NULL OR "status" = 'cancelled'`)
export class Checkin {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'checkin_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  pairingId!: string;

  @ManyToOne(() => Pairing, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'pairing_id', foreignKeyConstraintName: 'checkin_pairing_fk' })
  pairing?: Pairing;

  @Column({ type: 'timestamptz' })
  scheduledFor!: Date;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'text', default: 'scheduled' })
  status!: CheckinStatus;

  @Column({ type: 'text', nullable: true })
  wellbeing!: Wellbeing | null;

  /** The buddy's note; blanked on erasure. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /**
   * The person who cancelled this one call; null when a re-plan or the pairing's end did. A re-plan
   * brings back only calls it cancelled itself, never one a person called off.
   */
  @Column({ type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  /** Goes up on every move and cancellation, so a signed link made for an earlier time no longer works. */
  @Column({ type: 'integer', default: 0 })
  sequence!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
