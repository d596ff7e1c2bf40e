import { useState, type FormEvent } from 'react';
import { problemMessage } from '../api/client';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { CheckEmail } from './CheckEmail';
import { askForPasswordReset } from './queries';

/** "Forgot your password?": asks for the address, then says to check it (the same for every address). */
export function ForgotPassword() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ email: string; minutes: number } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setErrors([
        {
          href: 'email',
          message: 'Enter an email address in the correct format, like name@example.com',
        },
      ]);
      return;
    }
    setErrors([]);
    setBusy(true);
    const { data, error } = await askForPasswordReset(email.trim());
    setBusy(false);
    if (!data) return setErrors([{ href: 'email', message: problemMessage(error) }]);
    setSent({ email: data.email, minutes: data.linkValidMinutes });
  }

  if (sent) {
    return (
      <CheckEmail
        email={sent.email}
        purpose="choose a new password"
        minutes={sent.minutes}
        again={{ to: '/forgot-password', label: 'ask for a new link' }}
      />
    );
  }
  return (
    <Page title="Reset your password" back="/sign-in" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <p className="govuk-body">
        Enter the email address you sign in with. We will send it a link to choose a new password.
      </p>
      <form method="post" onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.find((e) => e.href === 'email')?.message}
        />
        <Button disabled={busy}>Send the link</Button>
      </form>
    </Page>
  );
}
