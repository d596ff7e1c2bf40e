import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ComponentType, type FormEvent, type ReactNode } from 'react';
import { api, fieldErrors, problemError, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { PhoneInput } from '../components/PhoneInput';
import { LoadError, Loading, Success } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { ZonePicker } from '../components/ZonePicker';
import { VettingStatus } from '../therapist/VettingStatus';
import { parseLanguages } from '../words';
import { PhoneUnconfirmed } from './PhoneUnconfirmed';
import { useMe } from './useMe';

type Me = Schemas['MeView'];
type ProfileInput =
  | Schemas['VolunteerProfileInput']
  | Schemas['TherapistProfileInput']
  | Schemas['BuddyProfileInput'];

export const splitLanguages = parseLanguages;

/** Every profile page: load me, then show the role's form (which starts from what is saved). */
export function ProfileLoader({
  back,
  form: Form,
}: {
  back: string;
  form: ComponentType<{ me: Me }>;
}) {
  const me = useMe();
  if (!me.data)
    return (
      <Page title="Your profile" back={back}>
        {me.error ? <LoadError error={me.error} /> : <Loading />}
      </Page>
    );
  return <Form me={me.data} />;
}

/**
 * The part every role's profile form shares: name, phone and time zone, the save call, and its
 * errors. `submit(found, input)` adds the contact checks to the role's own, then saves.
 */
export function useProfileForm(me: Me) {
  const client = useQueryClient();
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phoneNational ?? '');
  const [phoneCountry, setPhoneCountry] = useState(me.phoneCountry ?? 'GB');
  const [timezone, setTimezone] = useState(me.timezone);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const save = useMutation({
    mutationFn: async (input: ProfileInput) =>
      unwrap(await api.PUT('/v1/me/profile', { body: input })),
    onSuccess: (data) => {
      client.setQueryData(['me'], data);
      setErrors([]);
    },
    onError: (error) => {
      const fields = Object.entries(fieldErrors(error)).map(([href, message]) => ({
        href,
        message,
      }));
      setErrors(fields.length ? fields : [problemError(error)]);
    },
  });
  const submit = (found: FieldError[], input: () => ProfileInput) => {
    const all = [...found];
    if (!name.trim()) all.unshift({ href: 'name', message: 'Enter your name' });
    // The number itself is read by the server, in the country chosen (src/common/phone.ts).
    if (phone.trim() && !phoneCountry)
      all.push({ href: 'phoneCountry', message: 'Choose the country of the number' });
    if (!timezone)
      all.push({ href: 'timezone', message: 'Choose the place whose time you live by' });
    setErrors(all);
    if (all.length > 0) return;
    save.mutate({
      ...input(),
      name: name.trim(),
      ...(phone.trim() ? { phone: phone.trim(), phoneCountry } : { phone: null }),
      timezone,
    });
  };
  const err = (field: string) => errors.find((e) => e.href === field)?.message;
  const contact = (
    <>
      <TextInput
        id="name"
        label="Your name"
        autoComplete="name"
        value={name}
        onChange={setName}
        error={err('name')}
      />
      <PhoneInput
        number={phone}
        country={phoneCountry}
        onNumber={setPhone}
        onCountry={setPhoneCountry}
        numberError={err('phone')}
        countryError={err('phoneCountry')}
      />
      <ZonePicker
        id="timezone"
        label="Your time zone"
        value={timezone}
        onChange={setTimezone}
        error={err('timezone')}
      />
    </>
  );
  return { errors, err, save, submit, contact };
}

/** The frame of a profile form: errors, "saved", vetting (therapists and buddies), fields, save. */
export function ProfileFrame({
  me,
  back,
  form,
  onSubmit,
  children,
  after,
}: {
  me: Me;
  back: string;
  form: ReturnType<typeof useProfileForm>;
  onSubmit: () => void;
  children: ReactNode;
  /** Saved apart from the profile (a therapist's photo): after its form. */
  after?: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Page title="Your profile" back={back} hasError={form.errors.length > 0}>
      <ErrorSummary errors={form.errors} />
      {form.save.isSuccess && <Success>Your profile is saved.</Success>}
      <PhoneUnconfirmed me={form.save.data ?? me} />
      {me.role !== 'volunteer' && <VettingStatus me={form.save.data ?? me} />}
      <form noValidate onSubmit={submit}>
        {form.contact}
        {children}
        <Button disabled={form.save.isPending}>Save profile</Button>
      </form>
      {after}
    </Page>
  );
}
