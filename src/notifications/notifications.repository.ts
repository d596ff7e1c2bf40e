import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { batcher } from '../common/batcher';
import { Position } from '../common/pagination';
import { NotificationChannel, NotificationStatus } from './notification-status';
import { NotificationTemplate } from './notification-templates';

export interface NewNotification {
  recipientId: string;
  template: NotificationTemplate;
  about: string;
  payload: Record<string, string>;
  idempotencyKey: string;
  dueAt: Date;
  /** `email` for a mail; a text otherwise (its channel is decided when it is sent). */
  channel?: NotificationChannel.Email;
}

/** What a worker needs after claiming a row. */
export interface ClaimedNotification {
  id: string;
  recipientId: string;
  /** `email` rows go by mail; the others are texts (SMS or WhatsApp). */
  channel: NotificationChannel;
  template: NotificationTemplate;
  payload: Record<string, string>;
  dueAt: Date;
  /** This claim's number: the token that later updates of the row must present. */
  attempt: number;
  /** `whatsapp` once a WhatsApp attempt failed for good: the row goes by SMS from then on. */
  fallbackFrom: NotificationChannel.WhatsApp | null;
  /** Why WhatsApp refused it (Twilio's code or `no-template`), once fallen back. */
  fallbackErrorCode: string | null;
  /** Twilio accepted the WhatsApp message and reported its refusal later, by status callback. */
  refusedAfterAcceptance: boolean;
}

export interface DueRow {
  id: string;
  dueAt: Date;
}

export interface NotificationRow {
  id: string;
  recipientId: string;
  channel: string;
  template: NotificationTemplate;
  about: string;
  status: NotificationStatus;
  dueAt: Date;
  sentAt: Date | null;
  attempts: number;
  lastErrorCode: string | null;
  reason: string | null;
  body: string | null;
  fallbackFrom: string | null;
  fallbackErrorCode: string | null;
  fallbackProviderMessageId: string | null;
  /** The start of the session or call it is about (the payload's `startsAt`), if any. */
  eventStartsAt: string | null;
  updatedAt: Date;
}

export interface ListFilter {
  recipientId?: string;
  status?: NotificationStatus;
  limit: number;
  after?: Position;
}

const PENDING = NotificationStatus.Pending;
const SENDING = NotificationStatus.Sending;

const ROW_COLUMNS = `id, recipient_id AS "recipientId", channel, template, about, status,
  due_at AS "dueAt", sent_at AS "sentAt", attempts, last_error_code AS "lastErrorCode", reason,
  body, fallback_from AS "fallbackFrom", fallback_error_code AS "fallbackErrorCode",
  fallback_provider_message_id AS "fallbackProviderMessageId", updated_at AS "updatedAt",
  payload->>'startsAt' AS "eventStartsAt"`;

/**
 * The outbox's SQL, written out. Every state change is a guarded UPDATE (`WHERE status = ...`),
 * so two workers, a cancel and a webhook racing on one row cannot both win.
 */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Adds rows in the caller's transaction. A key that exists is left alone, except a cancelled
   * row, which is the same message wanted again (a session moved back to its first time).
   * Returns the rows that are now pending because of this call.
   */
  async add(rows: NewNotification[], em: EntityManager): Promise<DueRow[]> {
    if (rows.length === 0) return [];
    const params: unknown[] = [];
    const values = rows.map((r) => {
      params.push(
        r.recipientId,
        r.template,
        r.about,
        r.payload,
        r.idempotencyKey,
        r.dueAt,
        r.channel ?? NotificationChannel.Sms,
      );
      const n = params.length;
      return `($${n - 6}::uuid, $${n - 5}, $${n - 4}, $${n - 3}::jsonb, $${n - 2}, $${n - 1}::timestamptz, $${n})`;
    });
    return em.query<DueRow[]>(
      `INSERT INTO notification
              (recipient_id, template, about, payload, idempotency_key, due_at, channel)
       VALUES ${values.join(', ')}
       ON CONFLICT (idempotency_key) DO UPDATE
          SET status = 'pending', reason = NULL, due_at = EXCLUDED.due_at,
              payload = EXCLUDED.payload, updated_at = now()
        WHERE notification.status = 'cancelled'
       RETURNING id, due_at AS "dueAt"`,
      params,
    );
  }

  /** Cancels what has not gone out yet about one thing (`session:<id>`, `checkin:<id>`). */
  async cancelPendingAbout(about: string, reason: string, em: EntityManager): Promise<number> {
    return this.cancelWhere('about = $2', [about], reason, em);
  }

  /** Cancels what has not gone out yet about any call of a pairing. */
  async cancelPendingForPairing(pairingId: string, reason: string, em: EntityManager) {
    return this.cancelWhere(`payload->>'pairingId' = $2`, [pairingId], reason, em);
  }

  async cancelPendingForRecipient(recipientId: string, reason: string, em: EntityManager) {
    return this.cancelWhere('recipient_id = $2', [recipientId], reason, em);
  }

  /** Cancels a person's texts not gone out yet; their mail stays (SMS consent is about texts). */
  async cancelPendingTextsForRecipient(recipientId: string, reason: string, em: EntityManager) {
    return this.cancelWhere(`recipient_id = $2 AND channel <> 'email'`, [recipientId], reason, em);
  }

  private async cancelWhere(
    condition: string,
    params: unknown[],
    reason: string,
    em: EntityManager,
  ): Promise<number> {
    const [, count] = await em.query<[unknown[], number]>(
      `UPDATE notification SET status = 'cancelled', reason = $1, updated_at = now()
        WHERE status = '${PENDING}' AND ${condition}`,
      [reason, ...params],
    );
    return count;
  }

  /**
   * Takes a due row for sending. Exactly one caller gets it: the others find it no longer pending.
   * `dueBy` allows a little clock skew between the enqueuing host and the worker. Claims made at
   * the same moment go as one statement; each still needs its own row pending and due by its own
   * `dueBy`, and a row asked for twice goes to the first asker only. A row another transaction
   * holds is skipped, not waited for: a claim of several rows then never waits while holding
   * others, so it cannot deadlock with a cancellation locking the same session's texts. A row
   * skipped and still pending afterwards gets a job again from the sweeper.
   */
  claim(id: string, now: Date, dueBy: Date): Promise<ClaimedNotification | null> {
    return this.claims({ id, now, dueBy });
  }

  private readonly claims = batcher<
    { id: string; now: Date; dueBy: Date },
    ClaimedNotification | null
  >(async (keys) => {
    const [rows] = await this.dataSource.query<[ClaimedNotification[], number]>(
      `UPDATE notification n
          SET status = '${SENDING}', attempts = n.attempts + 1, claimed_at = u.now,
              updated_at = now()
         FROM (SELECT DISTINCT ON (id) * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[])
                 AS k (id, now, due_by)) u
        WHERE n.id = u.id AND n.status = '${PENDING}' AND n.due_at <= u.due_by
          AND n.id IN (SELECT id FROM notification WHERE id = ANY ($1::uuid[])
                        FOR UPDATE SKIP LOCKED)
        RETURNING n.id, n.recipient_id AS "recipientId", n.channel, n.template, n.payload,
                  n.due_at AS "dueAt",
                  n.attempts AS attempt, n.fallback_from AS "fallbackFrom",
                  n.fallback_error_code AS "fallbackErrorCode",
                  n.fallback_provider_message_id IS NOT NULL AS "refusedAfterAcceptance"`,
      [keys.map((k) => k.id), keys.map((k) => k.now), keys.map((k) => k.dueBy)],
    );
    const claimed = new Map(rows.map((r) => [r.id, r]));
    return keys.map((k) => {
      const row = claimed.get(k.id) ?? null;
      claimed.delete(k.id);
      return row;
    });
  });

  /**
   * Records the provider's acceptance; false when this claim is no longer the row's. Messages
   * sent at the same moment are recorded in one statement. A text records its number, a mail its
   * address; `body` is the text (of a mail, its text part with any secret removed).
   */
  markSent(
    claim: ClaimedNotification,
    sent: {
      providerMessageId: string;
      toPhone: string | null;
      toEmail?: string | null;
      body: string;
      at: Date;
      channel: NotificationChannel;
    },
  ): Promise<boolean> {
    return this.sents({ claim, sent });
  }

  private readonly sents = batcher<
    { claim: ClaimedNotification; sent: Parameters<NotificationsRepository['markSent']>[1] },
    boolean
  >(async (keys) => {
    const [rows] = await this.dataSource.query<[Array<{ id: string }>, number]>(
      `UPDATE notification n
          SET status = 'sent', provider_message_id = u.sid, to_phone = u.phone,
              to_email = u.email, body = u.body, sent_at = u.at, channel = u.channel,
              last_error_code = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[],
                     $6::timestamptz[], $7::text[], $8::text[])
                AS u (id, attempt, sid, phone, body, at, channel, email)
        WHERE n.id = u.id AND n.status = '${SENDING}' AND n.attempts = u.attempt
        RETURNING n.id`,
      [
        keys.map((k) => k.claim.id),
        keys.map((k) => k.claim.attempt),
        keys.map((k) => k.sent.providerMessageId),
        keys.map((k) => k.sent.toPhone),
        keys.map((k) => k.sent.body),
        keys.map((k) => k.sent.at),
        keys.map((k) => k.sent.channel),
        keys.map((k) => k.sent.toEmail ?? null),
      ],
    );
    const recorded = new Set(rows.map((r) => r.id));
    return keys.map((k) => recorded.delete(k.claim.id));
  });

  /**
   * Records a WhatsApp attempt that failed for good: the row goes by SMS from now on, this claim
   * and any retry. Only a row not yet fallen back moves, so there is never a second fallback.
   */
  async recordFallback(claim: ClaimedNotification, errorCode: string, at: Date) {
    return this.finish(
      claim,
      `channel = 'sms', fallback_from = 'whatsapp', fallback_error_code = $3, fallback_at = $4`,
      [errorCode, at],
      'AND fallback_from IS NULL',
    );
  }

  /**
   * The mail twin of a text row (its key + `:email`, as MessagePreferencesService writes it), due
   * `at`; null when the message has a mail row already (chosen by email, or made before).
   */
  async addMailTwin(textId: string, at: Date): Promise<DueRow | null> {
    const [row] = await this.dataSource.query<DueRow[]>(
      `INSERT INTO notification
              (recipient_id, template, about, payload, idempotency_key, due_at, channel)
       SELECT recipient_id, template, about, payload, idempotency_key || ':email', $2, 'email'
         FROM notification WHERE id = $1
       ON CONFLICT (idempotency_key) DO NOTHING
       RETURNING id, due_at AS "dueAt"`,
      [textId, at],
    );
    return row ?? null;
  }

  async markSkipped(claim: ClaimedNotification, reason: string): Promise<boolean> {
    return this.finish(claim, `status = 'skipped', reason = $3`, [reason]);
  }

  async markFailed(claim: ClaimedNotification, errorCode: string, reason: string) {
    return this.finish(claim, `status = 'failed', last_error_code = $3, reason = $4`, [
      errorCode,
      reason,
    ]);
  }

  /** Puts the row back after a failure worth retrying; the queue retries it after a backoff. */
  async release(claim: ClaimedNotification, errorCode: string): Promise<boolean> {
    return this.finish(claim, `status = 'pending', claimed_at = NULL, last_error_code = $3`, [
      errorCode,
    ]);
  }

  private async finish(
    claim: ClaimedNotification,
    set: string,
    params: unknown[],
    guard = '',
  ): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE notification SET ${set}, updated_at = now()
        WHERE id = $1 AND status = '${SENDING}' AND attempts = $2 ${guard}`,
      [claim.id, claim.attempt, ...params],
    );
    return count === 1;
  }

  /** Rows whose worker claimed them before `claimedBefore` and never finished go back to pending. */
  async recoverStuck(claimedBefore: Date): Promise<DueRow[]> {
    const [rows] = await this.dataSource.query<[DueRow[], number]>(
      `UPDATE notification
          SET status = '${PENDING}', claimed_at = NULL, last_error_code = 'worker-lost',
              updated_at = now()
        WHERE status = '${SENDING}' AND claimed_at < $1
        RETURNING id, due_at AS "dueAt"`,
      [claimedBefore],
    );
    return rows;
  }

  /** Pending rows due by `until`, oldest first, `limit` at a time after `after` (keyset). */
  pendingDueBy(until: Date, limit: number, after?: DueRow): Promise<DueRow[]> {
    return this.dataSource.query<DueRow[]>(
      `SELECT id, due_at AS "dueAt" FROM notification
        WHERE status = '${PENDING}' AND due_at <= $1
          AND ($3::timestamptz IS NULL OR (due_at, id) > ($3, $4::uuid))
        ORDER BY due_at, id LIMIT $2`,
      [until, limit, after?.dueAt ?? null, after?.id ?? null],
    );
  }

  /**
   * Pending rows never tried (`attempts = 0`: not in retry backoff, which a release records by
   * the attempt it counted) that were due before `dueBefore`, oldest first.
   */
  untriedDueBefore(dueBefore: Date, limit: number): Promise<DueRow[]> {
    return this.dataSource.query<DueRow[]>(
      `SELECT id, due_at AS "dueAt" FROM notification
        WHERE status = '${PENDING}' AND attempts = 0 AND due_at < $1
        ORDER BY due_at, id LIMIT $2`,
      [dueBefore, limit],
    );
  }

  /**
   * A WhatsApp message Twilio accepted and then reported refused for good (63016 and the like):
   * the row becomes an SMS row due now, once. Its WhatsApp SID moves to
   * `fallback_provider_message_id`, so later reports about that message find no row, and the SMS
   * gets its own SID when it goes. `attempts` keeps counting: it is the claims' token. Only a
   * WhatsApp row that is `sent` and has not fallen back moves, so a duplicated or concurrent
   * report does nothing the second time. Returns the row to enqueue, or null.
   */
  async fallBackAfterReport(
    providerMessageId: string,
    errorCode: string,
    at: Date,
  ): Promise<DueRow | null> {
    const [rows] = await this.dataSource.query<[DueRow[], number]>(
      `UPDATE notification
          SET channel = 'sms', fallback_from = 'whatsapp', fallback_error_code = $2,
              fallback_at = $3, fallback_provider_message_id = provider_message_id,
              provider_message_id = NULL, status = '${PENDING}', due_at = LEAST(due_at, $3),
              claimed_at = NULL, sent_at = NULL, updated_at = now()
        WHERE provider_message_id = $1 AND status = 'sent' AND channel = 'whatsapp'
          AND fallback_from IS NULL
        RETURNING id, due_at AS "dueAt"`,
      [providerMessageId, errorCode, at],
    );
    return rows[0] ?? null;
  }

  /**
   * Applies a provider delivery report. Only a `sent` row moves, so duplicates and late,
   * out-of-order callbacks never take a row back from delivered or failed.
   */
  async recordDelivery(
    providerMessageId: string,
    status: NotificationStatus.Delivered | NotificationStatus.Failed,
    errorCode: string | null,
  ): Promise<{ id: string; toPhone: string | null } | null> {
    const [rows] = await this.dataSource.query<[Array<{ id: string; toPhone: string | null }>]>(
      `UPDATE notification SET status = $2, last_error_code = COALESCE($3, last_error_code),
              updated_at = now()
        WHERE provider_message_id = $1 AND status = 'sent'
        RETURNING id, to_phone AS "toPhone"`,
      [providerMessageId, status, errorCode],
    );
    return rows[0] ?? null;
  }

  /** Who we have texted at this number (for STOP / START replies). */
  async recipientsTextedAt(phone: string, em: EntityManager): Promise<string[]> {
    const rows = await em.query<Array<{ id: string }>>(
      `SELECT DISTINCT recipient_id AS id FROM notification WHERE to_phone = $1`,
      [phone],
    );
    return rows.map((r) => r.id);
  }

  async optOut(phone: string, source: string, em: EntityManager = this.dataSource.manager) {
    await em.query(
      `INSERT INTO sms_opt_out (phone, source) VALUES ($1, $2) ON CONFLICT (phone) DO NOTHING`,
      [phone, source],
    );
  }

  async optIn(phone: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM sms_opt_out WHERE phone = $1`, [phone]);
  }

  /**
   * Whether WhatsApp free text may go to this number at `now`: it wrote to our WhatsApp number
   * within the last 24 hours (WhatsApp's customer service window).
   */
  async whatsappWindowOpen(phone: string, now: Date): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM inbound_message
        WHERE from_phone = $1 AND channel = 'whatsapp'
          AND received_at > $2::timestamptz - interval '24 hours'
        LIMIT 1`,
      [phone, now],
    );
    return rows.length > 0;
  }

  /** Whether the number sent STOP (or Twilio reported it unsubscribed) and not START since. */
  /** In the caller's transaction when given one; else asked with the others asked at once. */
  async isOptedOut(phone: string, em?: EntityManager): Promise<boolean> {
    if (!em) return this.optedOut(phone);
    return (await this.optedOutAmong([phone], em)).has(phone);
  }

  private readonly optedOut = batcher<string, boolean>(async (phones) => {
    const out = await this.optedOutAmong(phones, this.dataSource.manager);
    return phones.map((phone) => out.has(phone));
  });

  private async optedOutAmong(phones: readonly string[], em: EntityManager): Promise<Set<string>> {
    const rows = await em.query<Array<{ phone: string }>>(
      `SELECT phone FROM sms_opt_out WHERE phone = ANY ($1::text[])`,
      [[...new Set(phones)]],
    );
    return new Set(rows.map((r) => r.phone));
  }

  /** Newest due first; keyset-paginated on (due_at, id). */
  list(filter: ListFilter, em: EntityManager = this.dataSource.manager) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: number) => string, ...values: unknown[]) => {
      params.push(...values);
      where.push(sql(params.length));
    };
    if (filter.recipientId) add((n) => `recipient_id = $${n}`, filter.recipientId);
    if (filter.status) add((n) => `status = $${n}`, filter.status);
    if (filter.after) {
      add((n) => `(due_at, id) < ($${n - 1}, $${n})`, filter.after.at, filter.after.id);
    }
    params.push(filter.limit + 1);
    return em.query<NotificationRow[]>(
      `SELECT ${ROW_COLUMNS} FROM notification
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY due_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** One row, or null. */
  async findOne(id: string, em: EntityManager): Promise<NotificationRow | null> {
    const rows = await em.query<NotificationRow[]>(
      `SELECT ${ROW_COLUMNS} FROM notification WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * A failed row back to pending, due `now`, its attempts and error cleared: the worker sends it
   * as a new text once the transaction commits. Null when the row is no longer failed.
   */
  async retryFailed(id: string, now: Date, em: EntityManager): Promise<DueRow | null> {
    const [rows] = await em.query<[DueRow[], number]>(
      `UPDATE notification SET status = 'pending', due_at = $2, attempts = 0, claimed_at = NULL,
              last_error_code = NULL, reason = NULL, provider_message_id = NULL, updated_at = now()
        WHERE id = $1 AND status = 'failed'
        RETURNING id, due_at AS "dueAt"`,
      [id, now],
    );
    return rows[0] ?? null;
  }

  /** Everything sent or planned for a person, for their data export. */
  allFor(recipientId: string, em: EntityManager): Promise<NotificationRow[]> {
    return em.query<NotificationRow[]>(
      `SELECT ${ROW_COLUMNS} FROM notification WHERE recipient_id = $1 ORDER BY due_at`,
      [recipientId],
    );
  }

  /**
   * Erasure: nothing more goes out, and no number or text of theirs is kept. An opt-out stays:
   * honouring a STOP outlives the account (and the number may be someone else's too).
   */
  async eraseFor(recipientId: string, em: EntityManager): Promise<void> {
    await this.cancelPendingForRecipient(recipientId, 'erased', em);
    await em.query(
      `UPDATE notification SET to_phone = NULL, to_email = NULL, body = NULL, updated_at = now()
        WHERE recipient_id = $1
          AND (to_phone IS NOT NULL OR to_email IS NOT NULL OR body IS NOT NULL)`,
      [recipientId],
    );
  }
}
