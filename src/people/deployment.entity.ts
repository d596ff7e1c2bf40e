import {
  Check,
  Column,
  Entity,
  Exclusion,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { VolunteerProfile } from './volunteer-profile.entity';

/**
 * One stay in the field. Its own table (not jsonb) so that PostgreSQL guards the dates: a
 * deployment ends on or after it starts, and one volunteer's deployments never overlap.
 */
@Entity('volunteer_deployment')
@Check('volunteer_deployment_dates_check', `"ends_on" >= "starts_on"`)
@Exclusion(
  'volunteer_deployment_no_overlap',
  `USING gist ("volunteer_id" WITH =, daterange("starts_on", "ends_on", '[]') WITH &&)`,
)
export class Deployment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'volunteer_deployment_pkey' })
  id!: string;

  @Column({ type: 'uuid' })
  volunteerId!: string;

  @ManyToOne(() => VolunteerProfile, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'volunteer_id',
    referencedColumnName: 'accountId',
    foreignKeyConstraintName: 'volunteer_deployment_volunteer_fk',
  })
  volunteer?: VolunteerProfile;

  /** Free text, e.g. "Calais". */
  @Column({ type: 'text' })
  location!: string;

  /** ISO 3166-1 alpha-2, e.g. FR. */
  @Column({ type: 'text' })
  country!: string;

  /** First day in the field. */
  @Column({ type: 'date' })
  startsOn!: string;

  /** Last day in the field (planned, while deployed). */
  @Column({ type: 'date' })
  endsOn!: string;
}
