import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '../common/auth.decorators';

export interface AccountMatch {
  id: string;
  name: string;
  email: string;
  role: Role;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Finds live accounts by part of the name or email, for the coordinator's people lookup. */
@Injectable()
export class AccountSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Name or email containing `text` (any case), of `role` if given; erased accounts left out. */
  async find(text: string, role: Role | undefined, limit: number): Promise<AccountMatch[]> {
    return this.dataSource.query<AccountMatch[]>(
      `SELECT id, name, email, role FROM account
        WHERE erased_at IS NULL AND (name ILIKE $1 OR email ILIKE $1)
          AND ($2::account_role IS NULL OR role = $2::account_role)
        ORDER BY name, id LIMIT $3`,
      [`%${escapeLike(text)}%`, role ?? null, limit],
    );
  }
}
