import { useState } from 'react';
import { acceptToken } from '../api/auth';
import { problemMessage } from '../api/client';
import { homeFor } from '../app/Layout';
import { Link, navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { takeLinkToken } from './emailLinkToken';
import { confirmEmail } from './queries';

/**
 * The page a confirmation mail's link opens (`?change=1` for a new address). A button, not an
 * automatic request: mail scanners that open links must not confirm anything.
 */
export function ConfirmEmail() {
  const { search } = useLocation();
  const change = search.get('change') === '1';
  const [token] = useState(takeLinkToken);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [dead, setDead] = useState(false);

  async function confirm() {
    if (!token) return;
    setBusy(true);
    const { data, error, response } = await confirmEmail(token);
    setBusy(false);
    if (!data) {
      if (response.status === 422) return setDead(true);
      return setErrors([{ href: 'confirm', message: problemMessage(error) }]);
    }
    (await import('../app/query')).queryClient.clear();
    acceptToken(data);
    const { role } = JSON.parse(atob(data.accessToken.split('.')[1])) as {
      role: Parameters<typeof homeFor>[0];
    };
    if (change) return navigate('/account?changed=email-confirmed', { replace: true });
    navigate(role === 'volunteer' ? '/account/consents?welcome=1' : homeFor(role), {
      replace: true,
    });
  }

  if (!token || dead) {
    return (
      <Page title="This link does not work">
        <p className="govuk-body">
          The link has expired or has already been used. Links to confirm an email address work for
          60 minutes and only once.
        </p>
        <p className="govuk-body">
          {change ? (
            <>
              Sign in and <Link to="/account/email">ask to change your email address again</Link>.
            </>
          ) : (
            <>
              To get a new link, <Link to="/sign-up">sign up again with the same address</Link>. If
              you have already confirmed it, <Link to="/sign-in">sign in</Link>.
            </>
          )}
        </p>
      </Page>
    );
  }
  return (
    <Page
      title={change ? 'Confirm your new email address' : 'Confirm your email address'}
      hasError={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        {change
          ? 'Confirm that this address is yours. You will sign in with it from now on.'
          : 'Confirm that this address is yours to finish creating your account. You will be signed in.'}
      </p>
      <Button id="confirm" type="button" disabled={busy} onClick={() => void confirm()}>
        {change ? 'Confirm and sign in' : 'Confirm and continue'}
      </Button>
    </Page>
  );
}
