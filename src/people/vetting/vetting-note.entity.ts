import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { VettingDecision } from './vetting-decision.entity';

/** The evidence behind a verification or the reason for a suspension; erased with the person. */
@Entity('vetting_note')
export class VettingNote {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'vetting_note_pkey' })
  decisionId!: string;

  @ManyToOne(() => VettingDecision, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'vetting_note_decision_fk' })
  decision?: VettingDecision;

  @Column({ type: 'text' })
  text!: string;
}
