import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { Account } from '../identity/account.entity';

export type LinkKind = 'session' | 'checkin';

/**
 * One short link sent in a text or an invite. The code itself is never stored, only its SHA-256:
 * a copy of this table opens nothing. `signature` is an HMAC over every other column (with the
 * code's hash), so a row changed in the database no longer verifies. `version` is the event's
 * sequence when the link was made: a move or a cancellation bumps it, and the link dies.
 */
@Entity('signed_link')
@Index('signed_link_person_idx', ['personId'])
@Index('signed_link_expires_idx', ['expiresAt'])
@Check('signed_link_kind_check', `"kind" IN ('session', 'checkin')`)
export class SignedLink {
  /** SHA-256 of the code, hex. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'signed_link_pkey' })
  codeHash!: string;

  @Column({ type: 'text' })
  kind!: LinkKind;

  @Column({ type: 'uuid' })
  objectId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'signed_link_person_fk' })
  person?: Account;

  @Column({ type: 'integer' })
  version!: number;

  /** The event's start: the link works until then. */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  /** HMAC-SHA256(LINK_SECRET, every field above), base64url. */
  @Column({ type: 'text' })
  signature!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
