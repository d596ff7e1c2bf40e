import { ZonedTimeView } from '../common/time/zoned-time.view';

export class WindowView {
  /** `HH:mm` */
  start!: string;
  /** `HH:mm`; `24:00` is midnight. */
  end!: string;
}

export class WeeklyWindowView extends WindowView {
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday!: number;
}

export class AvailabilityExceptionView {
  id!: string;
  /** Local date `YYYY-MM-DD`. */
  date!: string;
  /** True when the whole date is unavailable (then `windows` is empty). */
  unavailable!: boolean;
  windows!: WindowView[];
}

export class AvailabilityView {
  /** IANA zone of every time here; null until availability is first set. */
  timezone!: string | null;
  weekly!: WeeklyWindowView[];
  /** Every date exception, by date. */
  exceptions!: AvailabilityExceptionView[];
}

/** A booked session inside time off, as the 409 `time-off-covers-sessions` lists it. */
export class CoveredSessionView {
  id!: string;
  /** In the availability zone. */
  startsAt!: ZonedTimeView;
  endsAt!: ZonedTimeView;
  /** The volunteer's first name; null once their data was erased. */
  volunteerFirstName!: string | null;
}

export class TimeOffView {
  /** Local dates `YYYY-MM-DD`, both included. */
  from!: string;
  to!: string;
  /** One unavailable exception per date, by date. */
  exceptions!: AvailabilityExceptionView[];
  /** Sessions inside the time off that were cancelled (`sessions: cancel`). */
  cancelledSessionIds!: string[];
  /** Sessions inside the time off that stay booked (`sessions: keep`). */
  keptSessionIds!: string[];
}
