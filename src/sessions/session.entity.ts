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
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';
import { SessionGrant } from './session-grant.entity';
import { SessionRequest } from './session-request.entity';
import type { Modality } from '../people/people.types';
import { Attendance, SessionStatus } from './session.types';

/**
 * One therapy session. The database guards the invariants (DESIGN.md 1-3):
 * - `session_no_overlap`: a therapist's non-cancelled sessions, each widened by the therapist's
 *   buffer (`blocked_until` = end + buffer), never overlap;
 * - `session_one_per_volunteer` (partial unique index, in the migration): a volunteer holds at most
 *   one booked / completed / no-show session per entitlement — the free one (grant_no NULL, counted
 *   as 0) and each coordinator grant n (`session_grant_fk` proves grant n exists);
 * - the therapist's monthly capacity is counted per `month` under a row lock (SessionCapacityMonth).
 */
@Entity('session')
@Exclusion(
  'session_no_overlap',
  `USING gist (therapist_id WITH =, tstzrange(starts_at, blocked_until) WITH &&) WHERE (status <> 'cancelled')`,
)
@Index('session_one_per_volunteer', { synchronize: false })
@Index('IDX_session_therapist_month', ['therapistId', 'month'])
@Index('IDX_session_volunteer', ['volunteerId', 'startsAt'])
@Index('IDX_session_therapist', ['therapistId', 'startsAt'])
@Check('session_ends_after_start', `ends_at > starts_at`)
@Check('session_blocked_covers_end', `blocked_until >= ends_at`)
@Check('session_grant_no_positive', `grant_no IS NULL OR grant_no >= 1`)
@Check('session_modality', `modality IN ('video', 'phone', 'in_person')`)
@Check('session_cancelled_when', `(status = 'cancelled') = (cancelled_at IS NOT NULL)`)
@Check('session_month_first_day', `extract(day from month) = 1`)
@Check('session_attendance', `attendance IS NULL OR attendance IN ('confirmed', 'cannot_attend')`)
@Check('session_attendance_when', `(attendance IS NULL) = (attendance_at IS NULL)`)
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => SessionRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'session_request_fk' })
  request?: SessionRequest;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'session_volunteer_fk' })
  volunteer?: Account;

  @Column({ type: 'uuid' })
  therapistId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'therapist_id', foreignKeyConstraintName: 'session_therapist_fk' })
  therapist?: Account;

  /** Null: the volunteer's free session; n: booked on the coordinator's n-th grant. */
  @Column({ type: 'int', nullable: true })
  grantNo!: number | null;

  @ManyToOne(() => SessionGrant, { onDelete: 'RESTRICT' })
  @JoinColumn([
    {
      name: 'volunteer_id',
      referencedColumnName: 'volunteerId',
      foreignKeyConstraintName: 'session_grant_fk',
    },
    {
      name: 'grant_no',
      referencedColumnName: 'grantNo',
      foreignKeyConstraintName: 'session_grant_fk',
    },
  ])
  grant?: SessionGrant;

  @Column({ type: 'text' })
  modality!: Modality;

  /**
   * A video room made for this session at booking when VIDEO_ROOM_BASE_URL names a provider; used
   * when the therapist has no meeting link of their own. Unguessable, and stable once made.
   */
  @Column({ type: 'text', nullable: true })
  videoRoomUrl!: string | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz' })
  endsAt!: Date;

  /** End plus the therapist's buffer: the time the therapist is blocked until. */
  @Column({ type: 'timestamptz' })
  blockedUntil!: Date;

  /** First day of the session's calendar month in the therapist's zone (capacity counts per month). */
  @Column({ type: 'date' })
  month!: string;

  @Column({ type: 'enum', enum: SessionStatus, enumName: 'session_status' })
  status!: SessionStatus;

  /** iCalendar SEQUENCE: bumped on every reschedule and on cancellation. */
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /** Who cancelled; null when the service did (consent withdrawn, erasure). */
  @Column({ type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  @Column({ type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  outcomeAt!: Date | null;

  /** The volunteer's last answer to a session text (`YES` / `NO`); null until they answer. */
  @Column({ type: 'text', nullable: true })
  attendance!: Attendance | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
