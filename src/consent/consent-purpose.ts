export enum ConsentPurpose {
  DataProcessing = 'data_processing',
  ShareWithTherapist = 'share_with_therapist',
  ShareWithBuddy = 'share_with_buddy',
  SmsReminders = 'sms_reminders',
  /** The same texts by WhatsApp, from our WhatsApp number; separate from SMS (issue #16). */
  WhatsappMessages = 'whatsapp_messages',
}

export enum ConsentChannel {
  Web = 'web',
  Sms = 'sms',
  /** A keyword (STOP, START) sent to our WhatsApp number. */
  WhatsApp = 'whatsapp',
  /** Recorded by a coordinator, e.g. during a phone call; `recordedBy` says who. */
  Coordinator = 'coordinator',
}
