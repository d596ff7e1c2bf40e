import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../identity/account.entity';

/**
 * One row per therapist and calendar month, locked (`SELECT ... FOR UPDATE`) while a booking or a
 * reschedule counts that month's sessions against the therapist's capacity, so two concurrent
 * bookings cannot both take the last place.
 */
@Entity('session_capacity_month')
export class SessionCapacityMonth {
  @PrimaryColumn({ type: 'uuid' })
  therapistId!: string;

  @PrimaryColumn({ type: 'date' })
  month!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'therapist_id',
    foreignKeyConstraintName: 'session_capacity_month_therapist_fk',
  })
  therapist?: Account;
}
