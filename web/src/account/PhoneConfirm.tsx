import { useState, type FormEvent } from 'react';
import { fieldErrors, problemError, type Schemas } from '../api/client';
import { Link, navigate } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { useAskPhoneCode, useConfirmPhone } from './queries';
import { useMe } from './useMe';

type Me = Schemas['MeView'];

const TITLE = 'Confirm your mobile number';

/**
 * Proving a number: we text a 6-digit code, the person types it back. Until then no text goes to
 * the number, so the page says what happens at each step and what to do if the code does not come.
 */
export function PhoneConfirm() {
  const me = useMe();
  if (!me.data)
    return (
      <Page title={TITLE} back="/account">
        {me.error ? <LoadError error={me.error} /> : <Loading />}
      </Page>
    );
  return <Steps me={me.data} />;
}

function Steps({ me }: { me: Me }) {
  const ask = useAskPhoneCode();
  const confirm = useConfirmPhone();
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const profile = me.role === 'coordinator' ? null : `/${me.role}/profile`;

  if (!me.phone)
    return (
      <Page title={TITLE} back="/account">
        <p className="govuk-body">We do not have a mobile number for you.</p>
        {profile ? (
          <p className="govuk-body">
            <Link to={profile}>Add your number to your profile</Link>, then come back here to
            confirm it.
          </p>
        ) : (
          <p className="govuk-body">Ask the person who runs the service to add it.</p>
        )}
      </Page>
    );
  if (me.phoneConfirmed)
    return (
      <Page title={TITLE} back="/account">
        <Success>Your mobile number {me.phoneNational} is confirmed.</Success>
        <p className="govuk-body">We text your reminders to it.</p>
      </Page>
    );

  const sendCode = () =>
    ask.mutate(undefined, {
      onSuccess: () => setErrors([]),
      onError: (error) => setErrors([{ ...problemError(error), href: 'send-code' }]),
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setErrors([{ href: 'code', message: 'Enter the 6-digit code from the text' }]);
      return;
    }
    confirm.mutate(
      { code: digits },
      {
        onSuccess: () => navigate('/account?changed=phone'),
        onError: (error) => {
          const field = fieldErrors(error).code;
          setErrors([{ href: 'code', message: field ?? problemError(error).message }]);
        },
      },
    );
  };

  return (
    <Page title={TITLE} back="/account" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {!ask.data ? (
        <>
          <p className="govuk-body">
            We will text a 6-digit code to <strong>{me.phoneNational}</strong>. Type it in on the
            next step to confirm the number is yours. Until you do, we do not text you reminders.
          </p>
          <p className="govuk-body">
            Wrong number? <Link to={profile ?? '/account'}>Change it in your profile</Link> first.
          </p>
          <Button id="send-code" type="button" disabled={ask.isPending} onClick={sendCode}>
            Text me a code
          </Button>
        </>
      ) : (
        <>
          <div className="govuk-inset-text">
            We have texted a code to <strong>{ask.data.sentTo}</strong>. It works for{' '}
            {ask.data.minutesValid} minutes.
          </div>
          <form noValidate onSubmit={submit}>
            <TextInput
              id="code"
              label="Code from the text"
              hint="6 digits, for example 123456"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              widthClass="govuk-input--width-5"
              value={code}
              onChange={setCode}
              error={errors.find((e) => e.href === 'code')?.message}
            />
            <Button disabled={confirm.isPending}>Confirm my number</Button>
          </form>
          <h2 className="govuk-heading-s">The text has not come?</h2>
          <p className="govuk-body">
            Texts can take a few minutes.{' '}
            {ask.data.codesLeft > 0
              ? `You can ask for another code (${ask.data.codesLeft} more this hour); only the latest one works.`
              : 'You have asked for 3 codes this hour; you can ask again later.'}
          </p>
          {ask.data.codesLeft > 0 && (
            <Button
              id="send-code"
              type="button"
              variant="secondary"
              disabled={ask.isPending}
              onClick={sendCode}
            >
              Text me another code
            </Button>
          )}
        </>
      )}
    </Page>
  );
}
