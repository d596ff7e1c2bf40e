import { ZonedTimeView } from '../common/time/zoned-time.view';
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
