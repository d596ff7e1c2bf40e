import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { TherapistProfile } from './therapist-profile.entity';

/** The largest photo kept, in bytes (300 KB). */
export const PHOTO_MAX_BYTES = 307_200;

export type PhotoType = 'image/png' | 'image/jpeg';

/** A therapist's photo, shown to volunteers choosing someone; goes with the profile. */
@Entity('therapist_photo')
@Check('therapist_photo_type_check', `"content_type" IN ('image/png', 'image/jpeg')`)
@Check('therapist_photo_size_check', `octet_length("bytes") BETWEEN 1 AND 307200`)
export class TherapistPhoto {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'therapist_photo_pkey' })
  accountId!: string;

  @ManyToOne(() => TherapistProfile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'therapist_photo_profile_fk' })
  profile?: TherapistProfile;

  @Column({ type: 'text' })
  contentType!: PhotoType;

  @Column({ type: 'bytea' })
  bytes!: Buffer;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
