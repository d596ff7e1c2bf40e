/** The time source. Tests replace it to move through DST changes and expiry dates. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
