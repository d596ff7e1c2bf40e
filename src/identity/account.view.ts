import { Role } from '../common/auth.decorators';
import { phoneParts } from '../common/phone';

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
  /** E.164. */
  phone!: string | null;
  /** Its owner typed back the code we texted to it: texts go to it. False without a number. */
  phoneConfirmed!: boolean;
  /** The number's country (ISO 3166, e.g. GB), for a form that asks for it again. */
  phoneCountry!: string | null;
  /** The number as it is written in its country, e.g. 07911 123456. */
  phoneNational!: string | null;
  timezone!: string;
  createdAt!: Date;
}

/** From an `AccountView` (typed by shape, so this file and identity.service.ts import one way). */
export const toAccountDetailsView = (
  a: Omit<AccountDetailsView, 'email' | 'phoneCountry' | 'phoneNational'> & {
    email: string | null;
  },
): AccountDetailsView => ({
  id: a.id,
  email: a.email ?? '',
  role: a.role,
  name: a.name,
  phone: a.phone,
  phoneConfirmed: a.phoneConfirmed,
  ...phoneFields(a.phone),
  timezone: a.timezone,
  createdAt: a.createdAt,
});

const phoneFields = (phone: string | null) => {
  if (!phone) return { phoneCountry: null, phoneNational: null };
  const { country, national } = phoneParts(phone);
  return { phoneCountry: country, phoneNational: national };
};

/**
 * The answer to an email change, the same whether or not the address was free: a link goes to
 * the new address unless another account has it, and the change waits for the link.
 */
export class EmailChangeView {
  /** The address asked for. */
  email!: string;
  /** Always true: the answer does not say whether the address could be used. */
  confirmationSent!: boolean;
  /** Minutes the link works for. */
  linkValidMinutes!: number;
}

/**
 * The answer to a sign-up or a reset request, the same whoever owns the address: look in that
 * inbox. It never says whether the address has an account.
 */
export class CheckEmailView {
  /** The address the mail goes to, if a mail goes. */
  email!: string;
  /** Minutes the link in the mail works for. */
  linkValidMinutes!: number;
}
