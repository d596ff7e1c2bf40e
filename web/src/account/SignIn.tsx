import { useState, type FormEvent } from 'react';
import { acceptToken } from '../api/auth';
import { api, problemMessage } from '../api/client';
import { homeFor } from '../app/Layout';
import { Link, navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { Success } from '../components/Status';
import { TextInput } from '../components/TextInput';

/** Where `next` may send people after sign-in: only our own paths, never another site. */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignIn() {
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ href: 'email', message: 'Enter your email address' });
    if (!password) missing.push({ href: 'password', message: 'Enter your password' });
    setErrors(missing);
    if (missing.length) return;
    setBusy(true);
    const { data, error } = await api.POST('/v1/auth/login', {
      body: { email: email.trim(), password },
    });
    setBusy(false);
    if (!data) {
      setErrors([{ href: 'email', message: problemMessage(error) }]);
      return;
    }
    // The query cache loads with the signed-in pages (app/lazyPages.ts); drop the last person's.
    (await import('../app/query')).queryClient.clear();
    acceptToken(data);
    const role = JSON.parse(atob(data.accessToken.split('.')[1])) as {
      role: Parameters<typeof homeFor>[0];
    };
    navigate(safeNext(search.get('next')) ?? homeFor(role.role), { replace: true });
  }

  const fieldError = (id: string) => errors.find((e) => e.href === id)?.message;
  return (
    <Page title="Sign in" hasError={errors.length > 0}>
      {search.get('signedOut') && <Success>You have signed out.</Success>}
      {search.get('erased') && <Success>Your account has been deleted.</Success>}
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={fieldError('email')}
        />
        <TextInput
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={fieldError('password')}
        />
        <Button disabled={busy}>Sign in</Button>
      </form>
      <p className="govuk-body">
        New here? <Link to="/sign-up">Create an account</Link>.
      </p>
    </Page>
  );
}
