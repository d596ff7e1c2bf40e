import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Every cross-module domain event and its payload, in one place: the contract between the module
 * that publishes and the modules that react (reminders, pairings, sessions, safeguarding).
 * Times are instants (UTC Date); ids are account or record uuids; never personal values.
 */
export interface DomainEventMap {
  'consent.granted': { userId: string; purpose: string; version: number };
  'consent.withdrawn': { userId: string; purpose: string };
  'vetting.expiring': { userId: string; expiresOn: string };
  'vetting.expired': { userId: string };
  'session.booked': SessionEvent;
  'session.rescheduled': SessionEvent & { previousStartsAt: Date };
  'session.cancelled': SessionEvent & { cancelledBy: string | null };
  'pairing.created': PairingEvent;
  'pairing.ended': PairingEvent & { reason: string };
  /** Two consecutive missed calls: coordinators are alerted. */
  'pairing.flagged': PairingEvent;
  'checkin.scheduled': CheckinEvent;
  'checkin.moved': CheckinEvent & { previousStartsAt: Date };
  /** `cancelledBy`: one person called off this call; absent when a re-plan or an ending did. */
  'checkin.cancelled': CheckinEvent & { cancelledBy?: string };
  /** A buddy logged a call with wellbeing `concern`: safeguarding raises a concern. */
  'checkin.concern': CheckinEvent & { reportedBy: string };
  'concern.raised': { concernId: string; urgency: 'low' | 'medium' | 'high' | 'urgent' };
  /** A link to confirm the account's address is to be mailed (sign-up, a coordinator's resend). */
  'account.confirmation_requested': AccountMailEvent;
  /** Someone signed up with an address a confirmed account has: its owner is told. */
  'account.registration_repeated': AccountMailEvent;
  'account.password_reset_requested': AccountMailEvent;
  /** The password changed (reset or change): the owner is told, with a way to say it was not them. */
  'account.password_changed': AccountMailEvent;
  /** A new address was asked for: a link goes to it, a notice to the address in use. */
  'account.email_change_requested': AccountMailEvent;
  /** A person asked for a code to prove their number: notifications texts it. */
  'phone.code_requested': { userId: string; phoneCodeId: string };
}

/** `requestId` tells one ask from the next, so each gets its own mail. */
export interface AccountMailEvent {
  accountId: string;
  requestId: string;
}

export interface SessionEvent {
  sessionId: string;
  volunteerId: string;
  therapistId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface PairingEvent {
  pairingId: string;
  volunteerId: string;
  buddyId: string;
}

export interface CheckinEvent extends PairingEvent {
  checkinId: string;
  startsAt: Date;
  channel: 'phone' | 'skype';
}

export type DomainEventName = keyof DomainEventMap;
type Handler<K extends DomainEventName> = (
  payload: DomainEventMap[K],
  em: EntityManager,
) => Promise<void>;

/**
 * The one mechanism for domain events. Handlers run inside the publisher's transaction (they get
 * its EntityManager), so a reaction — cancelling reminders when consent is withdrawn — commits or
 * rolls back with its cause. Subscribe in a provider's constructor or onModuleInit. Durable
 * follow-up work goes to a table (the notifications outbox), never to process memory.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventName, Array<Handler<DomainEventName>>>();

  on<K extends DomainEventName>(name: K, handler: Handler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as unknown as Handler<DomainEventName>);
    this.handlers.set(name, list);
  }

  async publish<K extends DomainEventName>(
    name: K,
    payload: DomainEventMap[K],
    em: EntityManager,
  ): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`Domain event ${name} must be published inside a transaction`);
    }
    for (const handler of this.handlers.get(name) ?? []) await handler(payload, em);
  }
}
