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
