export enum ConsentPurpose {
  DataProcessing = 'data_processing',
  ShareWithTherapist = 'share_with_therapist',
  ShareWithBuddy = 'share_with_buddy',
  SmsReminders = 'sms_reminders',
}

export enum ConsentChannel {
  Web = 'web',
  Sms = 'sms',
  /** Recorded by a coordinator, e.g. during a phone call; `recordedBy` says who. */
  Coordinator = 'coordinator',
}
