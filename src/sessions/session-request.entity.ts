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
import type { Modality } from '../people/people.types';

/** A volunteer asking for their therapy session: what they need and when they could do it. */
@Entity('session_request')
@Check('session_request_window', `not_after > not_before`)
@Check('session_request_modality', `modality IN ('video', 'phone', 'in_person')`)
@Index('IDX_session_request_volunteer', ['volunteerId', 'createdAt'])
export class SessionRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => Account, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'session_request_volunteer_fk' })
  volunteer?: Account;

  /** ISO 639-1 codes, most preferred first. */
  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'text' })
  modality!: Modality;

  @Column({ type: 'timestamptz' })
  notBefore!: Date;

  @Column({ type: 'timestamptz' })
  notAfter!: Date;

  @Column({ type: 'text', nullable: true })
  therapistGender!: string | null;

  /** Shared with the therapist who runs the session; blanked on erasure. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
