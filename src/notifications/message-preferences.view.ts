import { MessageWay } from './message-preference.entity';

/** How my messages reach me, per kind. */
export class MessagePreferencesView {
  /** Reminders of a session or call ahead: `text` (the default), `email` or `both`. */
  reminders!: MessageWay;
  /** Notices of bookings, moves and cancellations: `both` (the default), `text` or `email`. */
  changes!: MessageWay;
  /** Whether I have an email address on my account. */
  hasEmail!: boolean;
  /** Whether I have confirmed it: mail goes only to a confirmed address. */
  emailConfirmed!: boolean;
  /** True for therapists: bookings, moves and cancellations always reach them by email. */
  changesAlwaysByEmail!: boolean;
}
