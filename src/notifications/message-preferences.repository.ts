import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { MessageKind, MessageWay } from './message-preference.entity';

export interface ChosenWay {
  accountId: string;
  kind: MessageKind;
  way: MessageWay;
}

/** The ways people chose for each kind of message. */
@Injectable()
export class MessagePreferencesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** What these people chose, in one read (in the caller's transaction when given one). */
  chosenBy(
    accountIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<ChosenWay[]> {
    if (accountIds.length === 0) return Promise.resolve([]);
    return em.query<ChosenWay[]>(
      `SELECT account_id AS "accountId", kind, way FROM message_preference
        WHERE account_id = ANY ($1::uuid[])`,
      [[...new Set(accountIds)]],
    );
  }

  /** Sets several kinds at once, in one transaction. */
  async choose(accountId: string, ways: Array<[MessageKind, MessageWay]>): Promise<void> {
    if (ways.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO message_preference (account_id, kind, way)
       SELECT $1, k, w FROM unnest($2::text[], $3::text[]) AS u (k, w)
       ON CONFLICT (account_id, kind) DO UPDATE SET way = EXCLUDED.way, updated_at = now()`,
      [accountId, ways.map(([k]) => k), ways.map(([, w]) => w)],
    );
  }

  async exportFor(
    accountId: string,
    em: EntityManager,
  ): Promise<Array<{ kind: string; way: string; updatedAt: Date }>> {
    return em.query(
      `SELECT kind, way, updated_at AS "updatedAt" FROM message_preference
        WHERE account_id = $1 ORDER BY kind`,
      [accountId],
    );
  }

  async eraseFor(accountId: string, em: EntityManager): Promise<void> {
    await em.query(`DELETE FROM message_preference WHERE account_id = $1`, [accountId]);
  }
}
