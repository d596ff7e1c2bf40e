import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Phone numbers that told us (STOP) or Twilio (error 21610) not to text them. Nothing is sent to
 * a number here, whatever the consent ledger says, until the number texts START.
 */
@Entity('sms_opt_out')
export class SmsOptOut {
  /** E.164. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'sms_opt_out_pkey' })
  phone!: string;

  /** `stop-keyword` or `twilio-21610`. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  optedOutAt!: Date;
}
