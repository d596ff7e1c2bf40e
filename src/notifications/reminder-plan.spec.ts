import { NotificationTemplate } from './notification-templates';
import { parseQuietHours } from './quiet-hours';
import { offsetLabel, planReminders, ReminderSubject } from './reminder-plan';

const subject: ReminderSubject = {
  about: 'session:s1',
  template: NotificationTemplate.SessionReminder,
  recipientId: 'r1',
  zone: 'Europe/London',
  startsAt: new Date('2026-06-10T14:00:00Z'),
  payload: { sessionId: 's1' },
};
const settings = { offsetsMinutes: [1440, 60], quietHours: parseQuietHours('21:00-08:00') };

describe('planReminders', () => {
  it('plans one reminder per offset, keyed by offset, start and recipient', () => {
    const rows = planReminders(subject, new Date('2026-06-01T00:00:00Z'), settings);
    expect(rows.map((r) => [r.dueAt.toISOString(), r.idempotencyKey])).toEqual([
      ['2026-06-09T14:00:00.000Z', 'session:s1:reminder:24h:2026-06-10T14:00:00.000Z:r1'],
      ['2026-06-10T13:00:00.000Z', 'session:s1:reminder:1h:2026-06-10T14:00:00.000Z:r1'],
    ]);
    expect(rows[0].payload).toEqual({ sessionId: 's1', offsetMinutes: '1440' });
  });

  it('drops reminders whose moment has passed', () => {
    const rows = planReminders(subject, new Date('2026-06-10T10:00:00Z'), settings);
    expect(rows.map((r) => r.dueAt.toISOString())).toEqual(['2026-06-10T13:00:00.000Z']);
  });

  it('keeps one reminder when quiet hours fold two onto the same moment', () => {
    // A 07:00 BST call: 2 h and 1 h before both fall in quiet hours, so both move to 21:00 BST.
    const early = { ...subject, startsAt: new Date('2026-06-10T06:00:00Z') };
    const rows = planReminders(early, new Date('2026-06-01T00:00:00Z'), {
      ...settings,
      offsetsMinutes: [120, 60],
    });
    expect(rows.map((r) => [r.dueAt.toISOString(), r.idempotencyKey.split(':')[3]])).toEqual([
      ['2026-06-09T20:00:00.000Z', '2h'],
    ]);
  });

  it('labels offsets in hours when whole, else minutes', () => {
    expect([1440, 60, 90, 5].map(offsetLabel)).toEqual(['24h', '1h', '90m', '5m']);
  });
});
