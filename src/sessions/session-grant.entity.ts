import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';

/**
 * A coordinator's grant of one further session to a volunteer. The n-th grant has `grant_no` n;
 * a session booked on it carries that number, and the database refuses a number never granted.
 */
@Entity('session_grant')
@Check('session_grant_no_positive', `grant_no >= 1`)
export class SessionGrant {
  @PrimaryColumn({ type: 'uuid' })
  volunteerId!: string;

  @PrimaryColumn({ type: 'int' })
  grantNo!: number;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'session_grant_volunteer_fk' })
  volunteer?: Account;

  /** Why the coordinator allowed a further session (kept out of the audit trail). */
  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'uuid' })
  grantedBy!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'granted_by', foreignKeyConstraintName: 'session_grant_granted_by_fk' })
  granter?: Account;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt!: Date;
}
