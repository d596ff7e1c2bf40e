import { IsOptional } from 'class-validator';
import { IsIanaZone } from '../../common/validators';
import { IsDateOrInstant } from './window.validators';

export class SlotQuery {
  /**
   * Earliest start: an instant with offset (`2027-03-22T09:00:00Z`) or a date (from its midnight
   * in `tz`).
   */
  @IsDateOrInstant()
  from!: string;

  /**
   * Latest start, exclusive, as an instant; or a date, included whole (to its end in `tz`).
   * At most 60 days after `from`.
   */
  @IsDateOrInstant()
  to!: string;

  /** IANA zone for the local times in the answer and for dates in from/to; default: yours. */
  @IsOptional()
  @IsIanaZone()
  tz?: string;
}
