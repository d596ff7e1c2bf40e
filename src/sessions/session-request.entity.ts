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

/**
 * `open` until a session is booked from it (`booked`; a cancelled session opens it again), the
 * volunteer withdraws it (`withdrawn`), or a newer request replaces one whose dates have passed
 * (`lapsed`). At most one is open per volunteer (`session_request_one_open`).
 */
export type SessionRequestStatus = 'open' | 'booked' | 'withdrawn' | 'lapsed';

/** A volunteer asking for their therapy session: what they need and when they could do it. */
@Entity('session_request')
@Check('session_request_window', `not_after > not_before`)
@Check('session_request_modality', `modality IN ('video', 'phone', 'in_person')`)
@Check('session_request_status_check', `"status" IN ('open', 'booked', 'withdrawn', 'lapsed')`)
@Index('IDX_session_request_volunteer', ['volunteerId', 'createdAt'])
@Index('session_request_one_open', ['volunteerId'], { unique: true, where: `"status" = 'open'` })
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

  @Column({ type: 'text', default: 'open' })
  status!: SessionRequestStatus;

  /** When it was withdrawn or lapsed. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
