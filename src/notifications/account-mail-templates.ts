import { EmailTokenPurpose } from '../identity/email-token.entity';
import { MailContext, MailTemplate, registerMailTemplates } from './mail-templates';
import { NotificationTemplate as T } from './notification-templates';

/**
 * Mails about the account itself: links to confirm an address or choose a password, and notices
 * of what changed. A link's token is minted when the mail is sent (MessageRenderer) and reaches
 * the template as `extra.token` inside `extra.url`; it is a secret, so the stored body keeps
 * `[removed]` in its place. Subjects say nothing about what the service is for.
 */

/** Mails that carry a link of their own: its purpose, and the web page it opens. */
export const ACCOUNT_LINKS: Partial<Record<T, { purpose: EmailTokenPurpose; page: string }>> = {
  [T.AccountConfirmEmail]: { purpose: EmailTokenPurpose.Confirm, page: '/confirm-email' },
  [T.EmailChangeConfirm]: { purpose: EmailTokenPurpose.Change, page: '/confirm-email?change=1' },
  [T.PasswordReset]: { purpose: EmailTokenPurpose.Reset, page: '/reset-password' },
};

/** Notices that point at a page: signing in, or asking for a reset when it was not them. */
export const ACCOUNT_PAGES: Partial<Record<T, string>> = {
  [T.AccountExists]: '/sign-in',
  [T.PasswordChanged]: '/forgot-password',
  [T.EmailChangeNotice]: '/forgot-password',
};

const need = (c: MailContext, key: string): string => {
  const value = c.extra?.[key];
  if (value === undefined) throw new Error(`Account mail needs ${key}`);
  return value;
};

const hello = (c: MailContext) =>
  c.recipient.firstName ? `Hello ${c.recipient.firstName},` : 'Hello,';

/** A mail whose one action is its link, working for `minutes`. */
const linkMail =
  (subject: string, lead: string, label: string, after: string): MailTemplate =>
  (c) => ({
    subject,
    paragraphs: [
      hello(c),
      lead,
      `The link works for ${need(c, 'minutes')} minutes and only once.`,
      after,
    ],
    action: { label, url: need(c, 'url') },
    secrets: [need(c, 'token')],
  });

registerMailTemplates({
  [T.AccountConfirmEmail]: linkMail(
    'Confirm your email address',
    'Thank you for creating an account. Confirm this is your email address to finish, and you will be signed in.',
    'Confirm your email address',
    'If you did not create an account, you can ignore this email: nothing happens without the link.',
  ),
  [T.EmailChangeConfirm]: linkMail(
    'Confirm your new email address',
    'You asked to sign in with this email address from now on. Confirm it is yours to make the change.',
    'Confirm your new email address',
    'If you did not ask for this, you can ignore this email: your account stays as it is.',
  ),
  [T.PasswordReset]: linkMail(
    'Reset your password',
    'Someone asked to reset the password of the account that uses this email address. Choose a new password with the link below.',
    'Choose a new password',
    'If you did not ask for this, you can ignore this email: your password stays as it is.',
  ),
  [T.AccountExists]: (c) => ({
    subject: 'Someone tried to create an account with your email address',
    paragraphs: [
      hello(c),
      'Someone tried to create a new account with this email address. You already have an account, so no new one was made.',
      'If that was you, sign in. If you have forgotten your password, choose "Forgot your password?" on the sign-in page.',
      'If it was not you, you do not need to do anything.',
    ],
    action: { label: 'Sign in', url: need(c, 'url') },
  }),
  [T.PasswordChanged]: (c) => ({
    subject: 'Your password was changed',
    paragraphs: [
      hello(c),
      'The password of your account was changed, and every device that was signed in has been signed out.',
      'If you did not do this, reset your password now with the link below, then tell your coordinator so they can check your account.',
    ],
    action: { label: 'Reset your password', url: need(c, 'url') },
  }),
  [T.EmailChangeNotice]: (c) => ({
    subject: 'Your sign-in email address is changing',
    paragraphs: [
      hello(c),
      'Someone signed in to your account asked to sign in with a different email address from now on. We sent a link to that address; nothing changes until it is followed.',
      'If you did not ask for this, change your password now with the link below, then tell your coordinator.',
    ],
    action: { label: 'Reset your password', url: need(c, 'url') },
  }),
});
