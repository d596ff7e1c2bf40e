import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ConsentPurpose } from './consent-purpose';

/** One version of a purpose's plain-English text. Seeded and changed by migrations. */
@Entity('consent_text')
export class ConsentText {
  @PrimaryColumn({ type: 'text' })
  purpose!: ConsentPurpose;

  @PrimaryColumn({ type: 'int' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  text!: string;

  /** When true, consent given to any earlier version no longer counts. */
  @Column({ type: 'boolean', default: false })
  requiresReconsent!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  publishedAt!: Date;
}
