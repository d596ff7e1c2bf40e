import { useState } from 'react';
import { fieldErrors, problemMessage } from '../api/client';
import { navigate } from '../app/router';
import type { FieldError } from '../components/ErrorSummary';
import { TextInput } from '../components/TextInput';
import { AccountForm, errorFor } from './AccountForm';
import { useChangeEmail } from './queries';

const WRONG_PASSWORD = '/problems/wrong-password';

export function AccountEmail() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const change = useChangeEmail();

  function save() {
    const found: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      found.push({
        href: 'email',
        message: 'Enter an email address in the correct format, like name@example.com',
      });
    if (!password) found.push({ href: 'password', message: 'Enter your password' });
    setErrors(found);
    if (found.length) return;
    change.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => navigate('/account?changed=email'),
        onError: (error) => {
          const problem = (error as { problem?: { type?: string } }).problem;
          if (problem?.type === WRONG_PASSWORD)
            return setErrors([{ href: 'password', message: 'Your password is not right' }]);
          if (fieldErrors(error).email)
            return setErrors([
              { href: 'email', message: 'Enter an email address in the correct format' },
            ]);
          setErrors([{ href: 'email', message: problemMessage(error) }]);
        },
      },
    );
  }

  return (
    <AccountForm
      title="Change your email address"
      errors={errors}
      busy={change.isPending}
      onSubmit={save}
    >
      <p className="govuk-body">
        We will send a link to the new address. Your address changes when you follow it; until then
        you sign in with the one you use now, and we tell that address about the change.
      </p>
      <TextInput
        id="email"
        label="New email address"
        type="email"
        autoComplete="email"
        spellCheck={false}
        value={email}
        onChange={setEmail}
        error={errorFor(errors, 'email')}
      />
      <TextInput
        id="password"
        label="Your password"
        hint="We ask for it again to be sure it is you."
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errorFor(errors, 'password')}
      />
    </AccountForm>
  );
}
