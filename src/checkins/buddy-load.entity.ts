import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../identity/account.entity';

/**
 * How many active pairings a buddy has, kept by a trigger on `pairing`. Creating a pairing locks
 * this row (`FOR UPDATE`), so two volunteers taking a buddy's last place queue up and the second
 * sees the first one's count.
 */
@Entity('buddy_load')
@Check('buddy_load_count_check', `"active_pairings" >= 0`)
export class BuddyLoad {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'buddy_load_pkey' })
  buddyId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'buddy_id', foreignKeyConstraintName: 'buddy_load_buddy_fk' })
  buddy?: Account;

  @Column({ type: 'int', default: 0 })
  activePairings!: number;
}
