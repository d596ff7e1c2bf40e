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
import { BuddyRequest, type CallChannel } from './buddy-request.entity';
import type { Cadence } from './call-plan';

export type PairingStatus = 'active' | 'ended';

/**
 * A buddy and a volunteer, and their call plan: `localTime` on `weekday` in the volunteer's
 * `timezone`, every week or fortnight from `anchorOn` until `endsOn`. A volunteer has at most one
 * active pairing (partial unique index); the buddy's load is counted in `buddy_load` by a trigger.
 */
@Entity('pairing')
@Index('pairing_one_active_per_volunteer', ['volunteerId'], {
  unique: true,
  where: `"status" = 'active'`,
})
@Index('pairing_buddy_idx', ['buddyId', 'status'])
@Index('pairing_created_idx', ['createdAt', 'id'])
@Check('pairing_status_check', `"status" IN ('active', 'ended')`)
@Check('pairing_channel_check', `"channel" IN ('phone', 'skype')`)
@Check('pairing_cadence_check', `"cadence" IN ('weekly', 'fortnightly')`)
@Check('pairing_weekday_check', `"weekday" BETWEEN 1 AND 7`)
@Check('pairing_local_time_check', `"local_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('pairing_ended_check', `("status" = 'ended') = ("ended_at" IS NOT NULL)`)
@Check('pairing_two_people_check', `"volunteer_id" <> "buddy_id"`)
export class Pairing {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pairing_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => BuddyRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'pairing_request_fk' })
  request?: BuddyRequest;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'pairing_volunteer_fk' })
  volunteer?: Account;

  @Column({ type: 'uuid' })
  buddyId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buddy_id', foreignKeyConstraintName: 'pairing_buddy_fk' })
  buddy?: Account;

  @Column({ type: 'text', default: 'active' })
  status!: PairingStatus;

  /** Agreed from the request: how the buddy calls. */
  @Column({ type: 'text' })
  channel!: CallChannel;

  @Column({ type: 'text' })
  cadence!: Cadence;

  @Column({ type: 'smallint' })
  weekday!: number;

  /** HH:mm on the volunteer's wall clock. */
  @Column({ type: 'text' })
  localTime!: string;

  @Column({ type: 'text' })
  timezone!: string;

  /** Local date of the plan's first call; fortnights count from it. */
  @Column({ type: 'date' })
  anchorOn!: string;

  /** Last local date a call may fall on; null while open-ended. */
  @Column({ type: 'date', nullable: true })
  endsOn!: string | null;

  /** Set once, when two consecutive calls were missed. */
  @Column({ type: 'timestamptz', nullable: true })
  flaggedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** Null when the system ended it (consent withdrawn, erasure). */
  @Column({ type: 'uuid', nullable: true })
  endedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  endedReason!: string | null;
}
