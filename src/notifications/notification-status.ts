/** Where a notification is in its life. Only `pending` rows are ever sent. */
export enum NotificationStatus {
  /** Waiting for its due time; the only state a worker may claim. */
  Pending = 'pending',
  /** Claimed by a worker that is sending it now. */
  Sending = 'sending',
  /** Accepted by the provider. */
  Sent = 'sent',
  /** The provider reported it reached the phone. */
  Delivered = 'delivered',
  /** Refused for good, or out of attempts. */
  Failed = 'failed',
  /** No longer wanted (event cancelled or moved, consent withdrawn, person erased). */
  Cancelled = 'cancelled',
  /** Not sent when due because something required was missing (consent, phone, opt-in). */
  Skipped = 'skipped',
}

/** How a text went (or goes): the row's `channel` says what finally went. */
export enum NotificationChannel {
  Sms = 'sms',
  WhatsApp = 'whatsapp',
  Email = 'email',
}
