import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Cross-module domain events (consent withdrawn, session booked, pairing ended, ...). Modules add
 * their events to this map by declaration merging:
 *
 *   declare module '../common/domain-events' {
 *     interface DomainEventMap { 'consent.withdrawn': { userId: string; purpose: string } }
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEventMap {}

export type DomainEventName = keyof DomainEventMap;
type Handler<K extends DomainEventName> = (
  payload: DomainEventMap[K],
  em: EntityManager,
) => Promise<void>;

/**
 * The one mechanism for domain events. Handlers run synchronously inside the publisher's
 * transaction (they receive its EntityManager), so a reaction — cancelling reminders when consent
 * is withdrawn — commits or rolls back together with its cause. Nothing is kept in memory across
 * requests; durable follow-up work goes to the notifications outbox table.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<DomainEventName, Array<Handler<DomainEventName>>>();

  on<K extends DomainEventName>(name: K, handler: Handler<K>): void {
    const list = this.handlers.get(name) ?? [];
    list.push(handler);
    this.handlers.set(name, list);
  }

  async publish<K extends DomainEventName>(
    em: EntityManager,
    name: K,
    payload: DomainEventMap[K],
  ): Promise<void> {
    if (!em.queryRunner?.isTransactionActive) {
      throw new Error(`Domain event ${String(name)} must be published inside a transaction`);
    }
    for (const handler of this.handlers.get(name) ?? []) await handler(payload, em);
  }
}
