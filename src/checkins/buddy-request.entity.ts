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
import type { BuddyKind } from '../people/people.types';
import {
  WeeklyWindow,
  weeklyWindowFromText,
  WeeklyWindowText,
  weeklyWindowToText,
} from '../common/time/weekly-window';

export type CallChannel = 'phone' | 'skype';
export type BuddyPhase = 'deployed' | 'returned';
/** `open` until a pairing comes from it, or it is withdrawn; at most one open per volunteer. */
export type BuddyRequestStatus = 'open' | 'paired' | 'withdrawn' | 'lapsed';

/** A volunteer asking for a buddy: what they need and when they can take calls, in their zone. */
@Entity('buddy_request')
@Index('buddy_request_volunteer_idx', ['volunteerId', 'createdAt'])
@Check('buddy_request_phase_check', `"phase" IN ('deployed', 'returned')`)
@Check('buddy_request_kind_check', `"preferred_kind" IN ('therapist', 'humanitarian')`)
@Check('buddy_request_channel_check', `"channel" IN ('phone', 'skype')`)
@Check('buddy_request_skype_check', `"channel" = 'skype' OR "skype_handle" IS NULL`)
@Check('buddy_request_languages_check', `cardinality("languages") >= 1`)
@Check('buddy_request_windows_check', `jsonb_typeof("call_windows") = 'array'`)
@Check('buddy_request_status_check', `"status" IN ('open', 'paired', 'withdrawn', 'lapsed')`)
@Index('buddy_request_one_open', ['volunteerId'], { unique: true, where: `"status" = 'open'` })
export class BuddyRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'buddy_request_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'buddy_request_volunteer_fk' })
  volunteer?: Account;

  @Column({ type: 'text' })
  phase!: BuddyPhase;

  /** ISO 639-1 codes. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'text', nullable: true })
  preferredKind!: BuddyKind | null;

  @Column({ type: 'text' })
  channel!: CallChannel;

  /** Blanked on erasure. */
  @Column({ type: 'text', nullable: true })
  skypeHandle!: string | null;

  /** The zone `callWindows` are written in: the volunteer's. */
  @Column({ type: 'text' })
  timezone!: string;

  /** Stored as jsonb with `HH:mm` bounds, held as minutes after local midnight. */
  @Column({
    type: 'jsonb',
    transformer: {
      to: (windows: WeeklyWindow[] | undefined) => windows?.map(weeklyWindowToText),
      from: (stored: WeeklyWindowText[] | null) => stored?.map(weeklyWindowFromText),
    },
  })
  callWindows!: WeeklyWindow[];

  @Column({ type: 'text', default: 'open' })
  status!: BuddyRequestStatus;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
