import { useState, type FormEvent } from 'react';
import { api, fieldErrors, problemMessage } from '../api/client';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { ZonePicker } from '../components/ZonePicker';
import { browserZone } from '../time/zones';
import { CheckEmail } from './CheckEmail';

type Role = 'volunteer' | 'therapist' | 'buddy';

export function SignUp() {
  const [role, setRole] = useState<Role | ''>('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [timezone, setTimezone] = useState(browserZone);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ email: string; minutes: number } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!role) missing.push({ href: 'role', message: 'Select what you are signing up as' });
    if (!name.trim()) missing.push({ href: 'name', message: 'Enter your name' });
    if (!email.trim()) missing.push({ href: 'email', message: 'Enter your email address' });
    if (password.length < 12) {
      missing.push({ href: 'password', message: 'Enter a password of at least 12 characters' });
    }
    if (!timezone)
      missing.push({ href: 'timezone', message: 'Choose the place whose time you live by' });
    setErrors(missing);
    if (missing.length || !role) return;
    setBusy(true);
    const body = {
      role,
      name: name.trim(),
      email: email.trim(),
      password,
      timezone,
    };
    const registered = await api.POST('/v1/auth/register', { body });
    setBusy(false);
    // The OpenAPI document declares no error body for register, so read the problem untyped.
    const problem = (registered as { error?: unknown }).error;
    if (!registered.data) {
      const fields = fieldErrors(problem);
      const list = Object.entries(fields).map(([href, message]) => ({ href, message }));
      setErrors(list.length ? list : [{ href: 'email', message: problemMessage(problem) }]);
      return;
    }
    // The same answer whether or not the address has an account: the mail says which.
    setSent({ email: registered.data.email, minutes: registered.data.linkValidMinutes });
  }

  if (sent) {
    return (
      <CheckEmail
        email={sent.email}
        purpose="confirm your address and sign in"
        minutes={sent.minutes}
        again={{ to: '/sign-up', label: 'sign up again with the same address to get a new link' }}
      />
    );
  }

  const error = (id: string) => errors.find((e) => e.href === id)?.message;
  return (
    <Page title="Create an account" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Radios
          id="role"
          legend="I am signing up as"
          value={role}
          onChange={(v) => setRole(v as Role)}
          error={error('role')}
          choices={[
            {
              value: 'volunteer',
              label: 'A volunteer',
              hint: 'Back from, or about to return from, a deployment',
            },
            {
              value: 'therapist',
              label: 'A professional offering sessions',
              hint: 'Checked before you are matched',
            },
            {
              value: 'buddy',
              label: 'A buddy who makes regular calls',
              hint: 'Checked before you are matched',
            },
          ]}
        />
        <TextInput
          id="name"
          label="Your name"
          autoComplete="name"
          value={name}
          onChange={setName}
          error={error('name')}
        />
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={error('email')}
        />
        <TextInput
          id="password"
          label="Create a password"
          hint="At least 12 characters. A few random words work well."
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={error('password')}
        />
        <ZonePicker
          id="timezone"
          label="Your time zone"
          value={timezone}
          onChange={setTimezone}
          error={error('timezone')}
        />
        <Button disabled={busy}>Create account</Button>
      </form>
    </Page>
  );
}
