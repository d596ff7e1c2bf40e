import {
  Check,
  Column,
  Entity,
  Exclusion,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AvailabilitySchedule } from './availability-schedule.entity';

/** A day-long stretch of wall-clock time as a range, so the database can refuse overlaps. */
export const TIME_RANGE = (start: string, end: string) =>
  `tsrange('2000-01-01'::date + "${start}", '2000-01-01'::date + "${end}")`;

/**
 * One weekly window: on ISO `weekday` from `start_time` to `end_time`, wall clock of the schedule's
 * zone. `24:00` ends a window at midnight. Windows of one weekday never overlap (they may touch).
 */
@Entity('availability_rule')
@Check('availability_rule_weekday_check', `"weekday" BETWEEN 1 AND 7`)
@Check('availability_rule_times_check', `"end_time" > "start_time"`)
@Exclusion(
  'availability_rule_no_overlap',
  `USING gist ("user_id" WITH =, "weekday" WITH =, ${TIME_RANGE('start_time', 'end_time')} WITH &&)`,
)
@Index('availability_rule_user_idx', ['userId', 'weekday'])
export class AvailabilityRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'availability_rule_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => AvailabilitySchedule, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'user_id',
    referencedColumnName: 'userId',
    foreignKeyConstraintName: 'availability_rule_schedule_fk',
  })
  schedule?: AvailabilitySchedule;

  @Column({ type: 'smallint' })
  weekday!: number;

  /** `HH:mm:ss` as PostgreSQL returns a `time`. */
  @Column({ type: 'time' })
  startTime!: string;

  @Column({ type: 'time' })
  endTime!: string;
}
