import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type RefObject,
} from 'react';
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

const noSubscription = () => () => {};

/**
 * False in the HTML rendered at build time (src/prerender.tsx) and while React takes it over, true
 * from then on; true at once when the page is reached inside the app.
 */
function useScriptReady(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * This page is also sent as HTML rendered at build time (issue #14), so people can type before the
 * script arrives. React keeps what they typed in the fields but not in state, and Page moves focus
 * to the heading: take both back once React has the page, before anything can be submitted.
 */
function useTypedBeforeScript(
  form: RefObject<HTMLFormElement | null>,
  adopt: (typed: { email: string; password: string }) => void,
) {
  const focused = useRef<Element | null>(null);
  useLayoutEffect(() => {
    const fields = form.current?.elements;
    const value = (name: string) => {
      const field = fields?.namedItem(name);
      return field instanceof HTMLInputElement ? field.value : '';
    };
    focused.current = document.activeElement;
    if (value('email') || value('password')) {
      adopt({ email: value('email'), password: value('password') });
    }
  }, []); // once, on the first render in the browser
  // Runs after Page's own effect (a child's effects run first), which focuses the heading.
  useEffect(() => {
    const field = focused.current;
    if (field instanceof HTMLInputElement && form.current?.contains(field)) {
      field.focus({ preventScroll: true });
    }
  }, [form]);
}

export function SignIn() {
  const { search } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const ready = useScriptReady();
  const form = useRef<HTMLFormElement>(null);
  useTypedBeforeScript(form, (typed) => {
    setEmail(typed.email);
    setPassword(typed.password);
  });

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
      {search.get('reset') && (
        <Success>Your password has been changed. Sign in with your new password.</Success>
      )}
      <ErrorSummary errors={errors} />
      {/* method="post": should the form ever be sent without the script, the password goes in
          the body to this page (which refuses it), never into a URL. */}
      <form ref={form} method="post" onSubmit={(e) => void submit(e)} noValidate>
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
        <Button disabled={busy || !ready} aria-describedby={ready ? undefined : 'sign-in-wait'}>
          Sign in
        </Button>
        {/* Below the button, so the button does not move under a finger when the note goes. */}
        {!ready && (
          <p className="govuk-body" id="sign-in-wait">
            You can type your details now. The Sign in button will work in a moment, when this page
            has finished loading.
          </p>
        )}
      </form>
      <p className="govuk-body">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="govuk-body">
        New here? <Link to="/sign-up">Create an account</Link>.
      </p>
    </Page>
  );
}
