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
import type { BuddyKind, DbsLevel, MembershipBody } from './people.types';

@Entity('buddy_profile')
@Check('buddy_profile_kind_check', `"kind" IN ('therapist', 'humanitarian')`)
@Check('buddy_profile_capacity_check', `"max_active_pairings" >= 0`)
@Check('buddy_profile_dbs_level_check', `"dbs_level" IN ('basic', 'standard', 'enhanced')`)
@Check('buddy_profile_dbs_number_check', `"dbs_certificate_number" ~ '^[0-9]{12}$'`)
@Check(
  'buddy_profile_membership_check',
  `("kind" = 'therapist' AND "membership_body" IN ('BACP', 'UKCP') AND "membership_number" ~ '^[0-9]{4,10}$')
   OR ("kind" = 'humanitarian' AND "membership_body" IS NULL AND "membership_number" IS NULL)`,
)
export class BuddyProfile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'buddy_profile_pkey' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'buddy_profile_account_fk' })
  account?: Account;

  @Column({ type: 'text' })
  kind!: BuddyKind;

  /** ISO 639-1 codes. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'int', default: 2 })
  maxActivePairings!: number;

  @Column({ type: 'text' })
  dbsLevel!: DbsLevel;

  @Column({ type: 'text' })
  dbsCertificateNumber!: string;

  @Column({ type: 'date' })
  dbsIssuedOn!: string;

  @Column({ type: 'boolean' })
  dbsUpdateService!: boolean;

  /** Only for buddies of kind `therapist`. */
  @Column({ type: 'text', nullable: true })
  membershipBody!: MembershipBody | null;

  @Column({ type: 'text', nullable: true })
  membershipNumber!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
