import { Link } from '../app/router';
import { Page } from '../components/Page';

interface CheckEmailProps {
  email: string;
  /** What the link in the mail does, e.g. "confirm your address and sign in". */
  purpose: string;
  minutes: number;
  /** Where to ask again when no mail comes. */
  again: { to: string; label: string };
}

/**
 * "Check your email", after signing up or asking for a reset. It says the same whether or not the
 * address has an account (the server answers the same), and what to do when nothing arrives.
 */
export function CheckEmail({ email, purpose, minutes, again }: CheckEmailProps) {
  return (
    <Page title="Check your email">
      <p className="govuk-body">
        If this address can be used, we have sent an email to <strong>{email}</strong> with a link
        to {purpose}.
      </p>
      <p className="govuk-body">
        The link works for {minutes} minutes and only once. You can close this page: the link opens
        the service again.
      </p>
      <h2 className="govuk-heading-m">If the email does not arrive</h2>
      <p className="govuk-body">
        It can take a few minutes. Check your spam or junk folder. If there is still nothing,{' '}
        <Link to={again.to}>{again.label}</Link>.
      </p>
    </Page>
  );
}
