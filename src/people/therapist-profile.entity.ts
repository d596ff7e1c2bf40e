import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';
import type { MembershipBody, Modality } from './people.types';

@Entity('therapist_profile')
@Check('therapist_profile_body_check', `"membership_body" IN ('BACP', 'UKCP')`)
@Check('therapist_profile_number_check', `"membership_number" ~ '^[0-9]{4,10}$'`)
@Check(
  'therapist_profile_modalities_check',
  `cardinality("modalities") >= 1 AND "modalities" <@ ARRAY['video', 'phone', 'in_person']::text[]`,
)
@Check(
  'therapist_profile_town_check',
  `NOT ('in_person' = ANY ("modalities")) OR "town" IS NOT NULL`,
)
@Check(
  'therapist_profile_meeting_url_check',
  `"meeting_url" IS NULL OR "meeting_url" LIKE 'https://%'`,
)
@Check('therapist_profile_session_minutes_check', `"session_minutes" BETWEEN 15 AND 180`)
@Check('therapist_profile_capacity_check', `"monthly_capacity" >= 0`)
@Check('therapist_profile_notice_check', `"minimum_notice_hours" >= 0`)
@Check('therapist_profile_buffer_check', `"buffer_minutes" >= 0`)
export class TherapistProfile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'therapist_profile_pkey' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'therapist_profile_account_fk' })
  account?: Account;

  @Column({ type: 'text' })
  membershipBody!: MembershipBody;

  @Column({ type: 'text' })
  membershipNumber!: string;

  @Column({ type: 'text', array: true })
  modalities!: Modality[];

  @Column({ type: 'text', nullable: true })
  town!: string | null;

  /** The therapist's own link for video sessions (https only); volunteers see it once booked. */
  @Column({ type: 'text', nullable: true })
  meetingUrl!: string | null;

  /** Where in-person sessions happen, shown only to a volunteer with a booked session. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** ISO 639-1 codes. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'int', default: 50 })
  sessionMinutes!: number;

  /** Free sessions offered per calendar month. */
  @Column({ type: 'int', default: 2 })
  monthlyCapacity!: number;

  @Column({ type: 'int', default: 24 })
  minimumNoticeHours!: number;

  @Column({ type: 'int', default: 10 })
  bufferMinutes!: number;

  @Column({ type: 'text', nullable: true })
  gender!: string | null;

  @Column({ type: 'text', nullable: true })
  bio!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
