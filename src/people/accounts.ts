import { EntityManager } from 'typeorm';
import { NotFoundError } from '../common/domain-error';
import { Account } from '../identity/account.entity';
import { IdentityService } from '../identity/identity.service';

/** The account, or null when it does not exist or was erased. */
export async function accountOrNull(
  identity: IdentityService,
  id: string,
  em: EntityManager,
): Promise<Account | null> {
  try {
    return await identity.get(id, em);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
