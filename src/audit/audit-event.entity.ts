import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Ids, codes and reasons; flat so nothing personal hides in a nested blob. */
export type AuditDetails = Record<string, string | number | boolean | null | string[]>;

/**
 * One line of the audit trail. Append-only: a trigger in the database refuses UPDATE and DELETE.
 * Holds ids and actions only, never personal values, so erasure leaves nothing here to scrub.
 */
@Entity('audit_event')
@Index('IDX_audit_event_target', ['targetType', 'targetId', 'at'])
@Index('IDX_audit_event_actor', ['actorId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Millisecond precision, so the keyset cursor (a JS Date) round-trips exactly. */
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  at!: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  targetType!: string | null;

  @Column({ type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  details!: AuditDetails;
}
