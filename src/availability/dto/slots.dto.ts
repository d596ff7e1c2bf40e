import { IsOptional } from 'class-validator';
import { ZonedTimeView } from '../../common/time/zoned-time.view';
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

export class SlotView {
  /** The start, in UTC and in the requested zone. */
  startsAt!: ZonedTimeView;
  /** The start plus the therapist's session length. */
  endsAt!: ZonedTimeView;
}

export class SlotsView {
  therapistId!: string;
  /** The zone the therapist's availability is kept in. */
  therapistTimezone!: string;
  /** The zone of each slot's `local` times. */
  timezone!: string;
  sessionMinutes!: number;
  /** The range searched, UTC: start times in [from, to). */
  from!: string;
  to!: string;
  slots!: SlotView[];
}
