import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from '../identity/account.entity';

/**
 * An `Idempotency-Key` an actor sent with a booking: the hash of the request it came with and the
 * answer given, committed with the booking itself, so a retry gets the same answer.
 */
@Entity('idempotency_key')
export class IdempotencyKey {
  @PrimaryColumn({ type: 'uuid' })
  actorId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'idempotency_key_actor_fk' })
  actor?: Account;

  /** sha256 of the route and the normalised body. */
  @Column({ type: 'text' })
  requestHash!: string;

  @Column({ type: 'int', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
