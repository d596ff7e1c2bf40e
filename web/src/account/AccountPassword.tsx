import { useState } from 'react';
import { fieldErrors, problemMessage } from '../api/client';
import { navigate } from '../app/router';
import type { FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { AccountForm, errorFor } from './AccountForm';
import { useChangePassword } from './queries';
import { useMe } from './useMe';

const WRONG_PASSWORD = '/problems/wrong-password';
const TOO_SHORT = 'Your new password must be at least 12 characters';

export function AccountPassword() {
  const me = useMe();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const change = useChangePassword();
  if (!me.data)
    return (
      <Page title="Change your password" back="/account">
        {me.error ? <LoadError error={me.error} /> : <Loading />}
      </Page>
    );
  const email = me.data.email;

  function save() {
    const found: FieldError[] = [];
    if (!current) found.push({ href: 'current-password', message: 'Enter your current password' });
    if (!next) found.push({ href: 'new-password', message: 'Enter a new password' });
    else if (next.length < 12) found.push({ href: 'new-password', message: TOO_SHORT });
    else if (next.length > 256)
      found.push({
        href: 'new-password',
        message: 'Your new password must be 256 characters or fewer',
      });
    setErrors(found);
    if (found.length) return;
    change.mutate(
      { email, currentPassword: current, newPassword: next },
      {
        onSuccess: () => navigate('/account?changed=password'),
        onError: (error) => {
          const problem = (error as { problem?: { type?: string } }).problem;
          if (problem?.type === WRONG_PASSWORD)
            return setErrors([
              { href: 'current-password', message: 'Your current password is not right' },
            ]);
          if (fieldErrors(error).newPassword)
            return setErrors([{ href: 'new-password', message: TOO_SHORT }]);
          setErrors([{ href: 'current-password', message: problemMessage(error) }]);
        },
      },
    );
  }

  return (
    <AccountForm
      title="Change your password"
      errors={errors}
      busy={change.isPending}
      onSubmit={save}
    >
      <p className="govuk-body">
        You will stay signed in here. Anywhere else you are signed in, you will need to sign in
        again with the new password.
      </p>
      <TextInput
        id="current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={current}
        onChange={setCurrent}
        error={errorFor(errors, 'current-password')}
      />
      <TextInput
        id="new-password"
        label="New password"
        hint="At least 12 characters. A few words you will remember work well."
        type="password"
        autoComplete="new-password"
        value={next}
        onChange={setNext}
        error={errorFor(errors, 'new-password')}
      />
    </AccountForm>
  );
}
