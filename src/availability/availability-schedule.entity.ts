import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Account } from '../identity/account.entity';

/**
 * Whose availability this is and the IANA zone its wall-clock times are in. Weekly rules and date
 * exceptions hang off it, so changing the zone moves them all with it (09:00 stays 09:00 local).
 */
@Entity('availability_schedule')
export class AvailabilitySchedule {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'availability_schedule_pkey' })
  userId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'availability_schedule_user_fk' })
  user?: Account;

  @Column({ type: 'text' })
  timezone!: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
