import { ZonedTimeView } from '../common/time/zoned-time.view';
import { NotificationStatus } from './notification-status';

/** A text sent (or to be sent) to me. */
export class MyNotificationView {
  id!: string;
  channel!: string;
  template!: string;
  /** What it is about, e.g. `session:<id>` (a key for programs; pages say `template` in words). */
  about!: string;
  /**
   * When the session or call it is about starts, in UTC and in the requested zone (or yours); null
   * for a text about no event (an alert, a vetting reminder).
   */
  startsAt!: ZonedTimeView | null;
  status!: NotificationStatus;
  /** When it is (or was) due, in UTC and in the requested zone (or yours). */
  dueAt!: ZonedTimeView;
  sentAt!: Date | null;
  /** The text as sent; null until sent. */
  body!: string | null;
  /** Why it was cancelled or skipped. */
  reason!: string | null;
  /** `whatsapp` when WhatsApp refused it for good and it went by SMS instead (`channel`). */
  fallbackFrom!: string | null;
}

export class MyNotificationPageView {
  items!: MyNotificationView[];
  nextCursor!: string | null;
}

/** A notification as coordinators see it: ids, states and codes, never the number or text. */
export class NotificationAdminView {
  id!: string;
  recipientId!: string;
  template!: string;
  about!: string;
  status!: NotificationStatus;
  dueAt!: Date;
  attempts!: number;
  /** Provider error code, e.g. Twilio 21211. */
  lastErrorCode!: string | null;
  reason!: string | null;
  /** `sms` or `whatsapp`: what finally went (or will go). */
  channel!: string;
  /** `whatsapp` when a WhatsApp attempt failed for good and the text fell back to SMS. */
  fallbackFrom!: string | null;
  /** Why WhatsApp refused it: Twilio 63003, 63016, 63024, or `no-template`. */
  fallbackErrorCode!: string | null;
  /** The refused WhatsApp message's Twilio SID, when Twilio accepted it and reported the refusal later. */
  fallbackProviderMessageId!: string | null;
  updatedAt!: Date;
}

export class NotificationAdminPageView {
  items!: NotificationAdminView[];
  nextCursor!: string | null;
}
