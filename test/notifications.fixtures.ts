import { randomInt } from 'node:crypto';
import { Role } from '../src/common/auth.decorators';
import { DomainEventMap, DomainEventName, DomainEvents } from '../src/common/domain-events.service';
import { ConsentChannel, ConsentPurpose } from '../src/consent/consent-purpose';
import { ConsentService } from '../src/consent/consent.service';
import { signUp, TestApp, TestUser } from './app';

const phones = new Set<string>();

/** A valid UK mobile number no other person in this process has. */
export function uniquePhone(): string {
  for (;;) {
    const phone = `+4479111${String(randomInt(100_000)).padStart(5, '0')}`;
    if (!phones.has(phone)) {
      phones.add(phone);
      return phone;
    }
  }
}

export interface Person extends TestUser {
  phone: string;
}

/** Signs a person up with a phone number of their own, in a zone, optionally agreeing to SMS. */
export async function person(
  t: TestApp,
  role: Role.Volunteer | Role.Therapist | Role.Buddy,
  options: { name?: string; timezone?: string; sms?: boolean } = {},
): Promise<Person> {
  const phone = uniquePhone();
  const user = await signUp(t, role, {
    phone,
    name: options.name ?? `Test ${role}`,
    timezone: options.timezone ?? 'Europe/London',
  });
  if (options.sms ?? true) await smsConsent(t, user.id, true);
  return { ...user, phone };
}

export function smsConsent(t: TestApp, userId: string, granted: boolean) {
  return t.app.get(ConsentService).record(userId, {
    purpose: ConsentPurpose.SmsReminders,
    granted,
    channel: ConsentChannel.Web,
  });
}

/** Publishes a domain event exactly as the owning module does: inside its transaction. */
export function publish<K extends DomainEventName>(
  t: TestApp,
  name: K,
  payload: DomainEventMap[K],
): Promise<void> {
  return t.db.transaction((em) => t.app.get(DomainEvents).publish(name, payload, em));
}

export interface OutboxRow {
  id: string;
  recipient_id: string;
  /** `sms` or `whatsapp` for a text, `email` for its mail twin. */
  channel: string;
  template: string;
  status: string;
  due_at: Date;
  idempotency_key: string;
  reason: string | null;
  attempts: number;
  body: string | null;
  to_phone: string | null;
  provider_message_id: string | null;
  sent_at: Date | null;
  last_error_code: string | null;
}

export function outboxAbout(t: TestApp, about: string): Promise<OutboxRow[]> {
  return t.db.query(`SELECT * FROM notification WHERE about = $1 ORDER BY due_at, recipient_id`, [
    about,
  ]);
}

export function outboxFor(t: TestApp, recipientId: string): Promise<OutboxRow[]> {
  return t.db.query(`SELECT * FROM notification WHERE recipient_id = $1 ORDER BY due_at`, [
    recipientId,
  ]);
}

/** The texts (not their mail twins) about something, as `outboxAbout` orders them. */
export function textsAbout(t: TestApp, about: string): Promise<OutboxRow[]> {
  return t.db.query(
    `SELECT * FROM notification WHERE about = $1 AND channel <> 'email'
      ORDER BY due_at, recipient_id`,
    [about],
  );
}

/** A person's texts (not their mail twins), as `outboxFor` orders them. */
export function textsFor(t: TestApp, recipientId: string): Promise<OutboxRow[]> {
  return t.db.query(
    `SELECT * FROM notification WHERE recipient_id = $1 AND channel <> 'email' ORDER BY due_at`,
    [recipientId],
  );
}

/** Waits until `check` holds (polling), failing with its last answer after `timeoutMs`. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`Condition not met in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Before counting what went out "exactly once": waits a while after the last expected text, so
 * that a duplicate still on its way (a job run twice, a second worker, a sweeper re-enqueue, a
 * retry) arrives and is counted rather than missed.
 */
export const settle = (ms = 2_000) => new Promise((resolve) => setTimeout(resolve, ms));

export const iso = (d: Date | string | number) => new Date(d).toISOString();
export const HOUR = 3_600_000;
