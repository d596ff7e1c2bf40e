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

/** From an `AccountView` (typed by shape, so this file and identity.service.ts import one way). */
export const toAccountDetailsView = (
  a: Omit<AccountDetailsView, 'email'> & { email: string | null },
): AccountDetailsView => ({
  id: a.id,
  email: a.email ?? '',
  role: a.role,
  name: a.name,
  phone: a.phone,
  timezone: a.timezone,
  createdAt: a.createdAt,
});

/**
 * The answer to an email change, the same whether or not the address was free. Once there is an
 * email channel, `confirmationSent` becomes true and the change waits for the link.
 */
export class EmailChangeView {
  /** The address asked for. */
  email!: string;
  /** Whether a confirmation link went to that address (never yet: there is no email channel). */
  confirmationSent!: boolean;
}
