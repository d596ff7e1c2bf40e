import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { Clock } from '../common/clock';
import { NotificationQueue } from './notification-queue.service';
import { DueRow } from './notifications.repository';

/**
 * Enqueues outbox rows only once the transaction that wrote them has committed: a job for a row
 * that might still roll back would wake a worker for nothing, or find nothing. If the process dies
 * between the commit and the enqueue, the sweeper finds the rows in PostgreSQL.
 */
@Injectable()
export class OutboxCommitHook implements EntitySubscriberInterface, OnModuleInit {
  private readonly waiting = new WeakMap<QueryRunner, DueRow[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: NotificationQueue,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this);
  }

  /** Remembers rows written through `em`, to enqueue when its transaction commits. */
  track(rows: DueRow[], em: EntityManager): void {
    const runner = em.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('Outbox rows must be written inside a transaction');
    }
    this.waiting.set(runner, [...(this.waiting.get(runner) ?? []), ...rows]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    // A released savepoint also "commits": wait for the outermost transaction.
    if (runner.isTransactionActive) return;
    const rows = this.waiting.get(runner);
    if (!rows) return;
    this.waiting.delete(runner);
    await this.queue.enqueueAfterCommit(rows, this.clock.now());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.waiting.delete(event.queryRunner);
  }
}
