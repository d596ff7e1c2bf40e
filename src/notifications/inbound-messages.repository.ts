import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationTemplate } from './notification-templates';

export interface NewInbound {
  messageSid: string;
  channel: 'sms' | 'whatsapp';
  fromPhone: string;
  receivedAt: Date;
}

/** A text of ours that a reply can answer. */
export interface ReplyContext {
  id: string;
  recipientId: string;
  template: NotificationTemplate;
  about: string;
  payload: Record<string, string>;
}

/** An inbound message as its sender's data export shows it: what it did, never what it said. */
export interface InboundRow {
  id: string;
  channel: string;
  receivedAt: Date;
  inReplyToId: string | null;
  action: string;
}

/** `inbound_message`'s SQL, and the one query that finds what a reply answers. */
@Injectable()
export class InboundMessagesRepository {
  /**
   * Records an inbound message once per Twilio MessageSid. Null when the sid is already there:
   * a second delivery of the same message, which must do nothing. Run inside the transaction
   * that applies the message, so a concurrent twin waits on the unique index and then finds it.
   */
  async insertOnce(message: NewInbound, em: EntityManager): Promise<string | null> {
    const rows = await em.query<Array<{ id: string }>>(
      `INSERT INTO inbound_message (message_sid, channel, from_phone, received_at, action)
       VALUES ($1, $2, $3, $4, 'received')
       ON CONFLICT (message_sid) DO NOTHING
       RETURNING id`,
      [message.messageSid, message.channel, message.fromPhone, message.receivedAt],
    );
    return rows[0]?.id ?? null;
  }

  async recordAction(
    id: string,
    action: string,
    inReplyToId: string | null,
    em: EntityManager,
  ): Promise<void> {
    await em.query(`UPDATE inbound_message SET action = $2, in_reply_to_id = $3 WHERE id = $1`, [
      id,
      action,
      inReplyToId,
    ]);
  }

  /**
   * The most recent text we sent to `phone` (sent or delivered) since `since`, among `templates`
   * (those that accept replies). Twilio does not thread SMS: this is the thread.
   */
  async latestSentTo(
    phone: string,
    templates: readonly NotificationTemplate[],
    since: Date,
    em: EntityManager,
  ): Promise<ReplyContext | null> {
    const rows = await em.query<ReplyContext[]>(
      `SELECT id, recipient_id AS "recipientId", template, about, payload
         FROM notification
        WHERE to_phone = $1 AND status IN ('sent', 'delivered')
          AND template = ANY($2) AND sent_at >= $3
        ORDER BY sent_at DESC, id DESC
        LIMIT 1`,
      [phone, templates, since],
    );
    return rows[0] ?? null;
  }

  /** A person's messages to us: replies to their texts, or from a number we texted them at. */
  allFrom(recipientId: string, phone: string | null, em: EntityManager): Promise<InboundRow[]> {
    return em.query<InboundRow[]>(
      `SELECT id, channel, received_at AS "receivedAt", in_reply_to_id AS "inReplyToId", action
         FROM inbound_message
        WHERE ${MINE}
        ORDER BY received_at, id`,
      [recipientId, phone],
    );
  }

  /** Erasure: the number goes; what the message did (and when) stays, as for sent texts. */
  async eraseFrom(recipientId: string, phone: string | null, em: EntityManager): Promise<void> {
    await em.query(
      `UPDATE inbound_message SET from_phone = NULL WHERE from_phone IS NOT NULL AND (${MINE})`,
      [recipientId, phone],
    );
  }
}

/** $1 the person's id, $2 their current number (or null). */
const MINE = `in_reply_to_id IN (SELECT id FROM notification WHERE recipient_id = $1)
   OR from_phone = $2
   OR from_phone IN (SELECT to_phone FROM notification
                      WHERE recipient_id = $1 AND to_phone IS NOT NULL)`;
