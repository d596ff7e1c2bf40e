import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';

/** What a volunteer adds to their account; name, phone and timezone stay on the account. */
@Entity('volunteer_profile')
export class VolunteerProfile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'volunteer_profile_pkey' })
  accountId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'volunteer_profile_account_fk' })
  account?: Account;

  @Column({ type: 'text', nullable: true })
  preferredName!: string | null;

  /** ISO 639-1 codes. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  /** Free text, e.g. "Help Refugees / L'Auberge". */
  @Column({ type: 'text', nullable: true })
  organisation!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
