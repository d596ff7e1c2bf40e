import { NotificationTemplate } from './notification-templates';
import { NewNotification } from './notifications.repository';
import { QuietHours, reminderTime } from './quiet-hours';

export interface ReminderSettings {
  /** Minutes before the event, largest first. */
  offsetsMinutes: number[];
  quietHours: QuietHours | null;
}

/** 1440 -> "24h", 60 -> "1h", 90 -> "90m": the part of an idempotency key naming an offset. */
export function offsetLabel(minutes: number): string {
  return minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;
}

export interface ReminderSubject {
  /** `session:<id>` or `checkin:<id>`. */
  about: string;
  template: NotificationTemplate;
  recipientId: string;
  /** The recipient's zone: quiet hours are theirs. */
  zone: string;
  startsAt: Date;
  payload: Record<string, string>;
}

/**
 * The reminders of one event for one person: one per offset, moved out of quiet hours, dropped
 * when their moment has passed, and never two at the same instant. The start instant is part of
 * each key, so a moved event gets new rows rather than reusing the old ones.
 */
export function planReminders(
  subject: ReminderSubject,
  now: Date,
  settings: ReminderSettings,
): NewNotification[] {
  const planned = new Map<number, NewNotification>();
  for (const minutes of settings.offsetsMinutes) {
    const due = new Date(subject.startsAt.getTime() - minutes * 60_000);
    const at = reminderTime(due, subject.startsAt, now, subject.zone, settings.quietHours);
    if (!at || planned.has(at.getTime())) continue;
    planned.set(at.getTime(), {
      recipientId: subject.recipientId,
      template: subject.template,
      about: subject.about,
      payload: { ...subject.payload, offsetMinutes: String(minutes) },
      idempotencyKey: [
        subject.about,
        'reminder',
        offsetLabel(minutes),
        subject.startsAt.toISOString(),
        subject.recipientId,
      ].join(':'),
      dueAt: at,
    });
  }
  return [...planned.values()];
}
