import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { TIME_RANGE } from './availability-rule.entity';
import { AvailabilitySchedule } from './availability-schedule.entity';

/**
 * A local date whose weekly windows are replaced: by its own windows, or by none (the whole date
 * unavailable). At most one per person and date.
 */
@Entity('availability_exception')
@Unique('availability_exception_user_date_key', ['userId', 'date'])
export class AvailabilityException {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'availability_exception_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AvailabilitySchedule, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    referencedColumnName: 'userId',
    foreignKeyConstraintName: 'availability_exception_schedule_fk',
  })
  schedule?: AvailabilitySchedule;

  /** Local date `YYYY-MM-DD` in the schedule's zone. */
  @Column({ type: 'date' })
  date!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One window of an exception date; none at all means the date is unavailable. */
@Entity('availability_exception_window')
@Check('availability_exception_window_times_check', `"end_time" > "start_time"`)
@Exclusion(
  'availability_exception_window_no_overlap',
  `USING gist ("exception_id" WITH =, ${TIME_RANGE('start_time', 'end_time')} WITH &&)`,
)
@Index('availability_exception_window_exception_idx', ['exceptionId'])
export class AvailabilityExceptionWindow {
  @PrimaryGeneratedColumn('uuid', {
    primaryKeyConstraintName: 'availability_exception_window_pkey',
  })
  id!: string;

  @Column({ type: 'uuid' })
  exceptionId!: string;

  @ManyToOne(() => AvailabilityException, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'exception_id',
    foreignKeyConstraintName: 'availability_exception_window_exception_fk',
  })
  exception?: AvailabilityException;

  @Column({ type: 'time' })
  startTime!: string;

  @Column({ type: 'time' })
  endTime!: string;
}
