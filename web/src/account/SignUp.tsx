import { useState, type FormEvent } from 'react';
import { acceptToken } from '../api/auth';
import { api, fieldErrors, problemMessage } from '../api/client';
import { homeFor } from '../app/Layout';
import { navigate } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { ZonePicker } from '../components/ZonePicker';
import { browserZone } from '../time/zones';

type Role = 'volunteer' | 'therapist' | 'buddy';

export function SignUp() {
  const [role, setRole] = useState<Role | ''>('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [timezone, setTimezone] = useState(browserZone);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

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
    // The OpenAPI document declares no error body for register, so read the problem untyped.
    const problem = (registered as { error?: unknown }).error;
    if (!registered.response.ok) {
      setBusy(false);
      const fields = fieldErrors(problem);
      const list = Object.entries(fields).map(([href, message]) => ({ href, message }));
      setErrors(list.length ? list : [{ href: 'email', message: problemMessage(problem) }]);
      return;
    }
    const login = await api.POST('/v1/auth/login', { body: { email: body.email, password } });
    setBusy(false);
    if (!login.data) return navigate('/sign-in');
    acceptToken(login.data);
    navigate(role === 'volunteer' ? '/account/consents?welcome=1' : homeFor(role), {
      replace: true,
    });
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
