import type { AccountView } from './identity.service';
import { Role } from '../common/auth.decorators';

export class AccessTokenView {
  accessToken!: string;
  /** Seconds until the token expires. */
  expiresIn!: number;
  tokenType!: 'Bearer';
}

export class AccountDetailsView {
  id!: string;
  email!: string;
  role!: Role;
  name!: string;
  phone!: string | null;
  timezone!: string;
  createdAt!: Date;
}

export const toAccountDetailsView = (a: AccountView): AccountDetailsView => ({
  id: a.id,
  email: a.email ?? '',
  role: a.role,
  name: a.name,
  phone: a.phone,
  timezone: a.timezone,
  createdAt: a.createdAt,
});
