import { useState, type FormEvent } from 'react';
import { fieldErrors, problemMessage } from '../api/client';
import { Link, navigate } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { takeLinkToken } from './emailLinkToken';
import { completePasswordReset } from './queries';

/** The page the reset mail's link opens: choose a new password, then sign in with it. */
export function ResetPassword() {
  const [token] = useState(takeLinkToken);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [dead, setDead] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!token) return;
    if (password.length < 12) {
      setErrors([{ href: 'password', message: 'Enter a password of at least 12 characters' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const res = await completePasswordReset(token, password);
    setBusy(false);
    if (res.response.ok) return navigate('/sign-in?reset=1', { replace: true });
    const problem = (res as { error?: unknown }).error;
    if (res.response.status === 422) return setDead(true);
    const field = fieldErrors(problem).password;
    setErrors([
      {
        href: 'password',
        message: field ? 'Enter a password of at least 12 characters' : problemMessage(problem),
      },
    ]);
  }

  if (!token || dead) {
    return (
      <Page title="This link does not work">
        <p className="govuk-body">
          The link has expired or has already been used. Links to reset a password work for 30
          minutes and only once.
        </p>
        <p className="govuk-body">
          <Link to="/forgot-password">Ask for a new link</Link>.
        </p>
      </Page>
    );
  }
  return (
    <Page title="Choose a new password" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        When you save it, you are signed out everywhere, and you sign in again with the new
        password.
      </p>
      <form method="post" onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="password"
          label="New password"
          hint="At least 12 characters. A few random words work well."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.find((e) => e.href === 'password')?.message}
        />
        <Button disabled={busy}>Save the new password</Button>
      </form>
    </Page>
  );
}
