/** The kind of record an audit row's target id names. */
export type AuditTargetType =
  | 'account'
  | 'availability_exception'
  | 'buddy_request'
  | 'checkin'
  | 'concern'
  | 'notification'
  | 'pairing'
  | 'session'
  | 'session_request';

/**
 * Every change the audit trail records, with the kind of record its target names. Names are
 * `<noun>.<past participle>`: a singular noun, words joined by `_` (`concern.status_changed`).
 */
export const AUDIT_CHANGES = {
  'account.confirmation_resent': 'account',
  'account.created': 'account',
  'account.email_change_requested': 'account',
  'account.email_confirmed': 'account',
  'account.email_change_declined': 'account',
  'account.email_changed': 'account',
  'account.registration_renewed': 'account',
  'account.registration_repeated': 'account',
  'account.phone_confirmed': 'account',
  'auth.email_change_failed': 'account',
  'auth.login_failed': 'account',
  'auth.password_change_failed': 'account',
  'auth.password_changed': 'account',
  'auth.password_reset': 'account',
  'auth.password_reset_requested': 'account',
  'auth.refresh_reused': 'account',
  'availability.exception_removed': 'availability_exception',
  'availability.exception_set': 'availability_exception',
  'availability.time_off_set': 'account',
  'availability.weekly_replaced': 'account',
  'buddy_request.created': 'buddy_request',
  'buddy_request.lapsed': 'buddy_request',
  'buddy_request.withdrawn': 'buddy_request',
  'checkin.cancelled': 'checkin',
  'checkin.moved': 'checkin',
  'checkin.outcome_recorded': 'checkin',
  'concern.note_added': 'concern',
  'concern.status_changed': 'concern',
  'consent.granted': 'account',
  'consent.withdrawn': 'account',
  'data.erased': 'account',
  'data.exported': 'account',
  'notification.retried': 'notification',
  'pairing.created': 'pairing',
  'pairing.ended': 'pairing',
  'pairing.flagged': 'pairing',
  'pairing.replanned': 'pairing',
  'profile.updated': 'account',
  'session.attendance_recorded': 'session',
  'session.booked': 'session',
  'session.cancelled': 'session',
  'session.granted': 'account',
  'session.outcome_recorded': 'session',
  'session.rescheduled': 'session',
  'session_request.created': 'session_request',
  'session_request.lapsed': 'session_request',
  'session_request.withdrawn': 'session_request',
  'vetting.expired': 'account',
  'vetting.expiry_warned': 'account',
  'vetting.rejected': 'account',
  'vetting.resubmitted': 'account',
  'vetting.submitted': 'account',
  'vetting.suspended': 'account',
  'vetting.verified': 'account',
  'vetting.withdrawn': 'account',
} as const satisfies Record<string, AuditTargetType>;

/**
 * Every coordinator read of records about people (`AuditService.recordRead`): `.listed` when a
 * list showed each record, `.read` (or `.<what>_read`) when one was opened. Each record read is
 * its own row with the record's id as the target, so the audit search for an id finds its reads.
 */
export const AUDIT_READS = {
  'buddy_request.listed': 'buddy_request',
  'buddy_request.matches_read': 'buddy_request',
  'checkin.listed': 'checkin',
  'checkin.read': 'checkin',
  'concern.listed': 'concern',
  'concern.read': 'concern',
  'notification.listed': 'notification',
  'pairing.listed': 'pairing',
  'person.found': 'account',
  'person.read': 'account',
  'session.calendar_read': 'session',
  'session.listed': 'session',
  'session.read': 'session',
  'session_request.listed': 'session_request',
  'session_request.matches_read': 'session_request',
  'vetting.listed': 'account',
} as const satisfies Record<string, AuditTargetType>;

export type AuditChangeAction = keyof typeof AUDIT_CHANGES;
export type AuditReadAction = keyof typeof AUDIT_READS;
export type AuditAction = AuditChangeAction | AuditReadAction;

/** The target type each action names; `record` accepts no other. */
export type AuditTargetOf<A extends AuditAction> = A extends AuditChangeAction
  ? (typeof AUDIT_CHANGES)[A]
  : A extends AuditReadAction
    ? (typeof AUDIT_READS)[A]
    : never;

/** Every action, for the OpenAPI enum the web app's word list is checked against. */
export const AUDIT_ACTIONS = [
  ...Object.keys(AUDIT_CHANGES),
  ...Object.keys(AUDIT_READS),
].sort() as AuditAction[];

/** Every target type, for the OpenAPI enum. */
export const AUDIT_TARGET_TYPES: readonly AuditTargetType[] = [
  'account',
  'availability_exception',
  'buddy_request',
  'checkin',
  'concern',
  'notification',
  'pairing',
  'session',
  'session_request',
];
