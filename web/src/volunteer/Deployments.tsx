import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useMe } from '../account/useMe';
import { api, fieldErrors, problemError, type Schemas } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { navigate } from '../app/router';
import { Button } from '../components/Button';
import { DateInput, emptyDate, toIsoDate } from '../components/DateInput';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { Select } from '../components/Select';
import { TextInput } from '../components/TextInput';
import { COUNTRIES, LANGUAGES_HINT, languagesText, parseLanguages } from '../words';

/** Adds a deployment (where, from, to) to the volunteer's profile; the phase follows from the dates. */
export function Deployments() {
  const me = useMe();
  const profile = me.data?.profile as Schemas['VolunteerProfileDetailsView'] | null | undefined;
  const [location, setLocation] = useState('');
  const [country, setCountry] = useState('');
  const [from, setFrom] = useState(emptyDate);
  const [to, setTo] = useState(emptyDate);
  const [languages, setLanguages] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const save = useMutation({
    mutationFn: async (body: Schemas['VolunteerProfileInput']) =>
      unwrap(await api.PUT('/v1/me/profile', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      navigate('/volunteer');
    },
    onError: (error) => {
      const fields = Object.entries(fieldErrors(error)).map(([href, message]) => ({
        href,
        message,
      }));
      setErrors(fields.length ? fields : [problemError(error)]);
    },
  });
  const langs = languages ?? languagesText(profile?.languages ?? ['en']);

  function submit(event: FormEvent) {
    event.preventDefault();
    const startsOn = toIsoDate(from);
    const endsOn = toIsoDate(to);
    const missing: FieldError[] = [];
    if (!location.trim()) missing.push({ href: 'location', message: 'Enter where you volunteer' });
    if (!country) missing.push({ href: 'country', message: 'Choose the country' });
    if (!startsOn) missing.push({ href: 'from-day', message: 'Enter a real start date' });
    if (!endsOn) missing.push({ href: 'to-day', message: 'Enter a real end date' });
    if (startsOn && endsOn && endsOn < startsOn)
      missing.push({ href: 'to-day', message: 'The end must be after the start' });
    const codes = parseLanguages(langs);
    if (codes.length === 0)
      missing.push({ href: 'languages', message: 'Enter at least one language' });
    setErrors(missing);
    if (missing.length || !startsOn || !endsOn) return;
    save.mutate({
      languages: codes,
      preferredName: profile?.preferredName ?? null,
      organisation: profile?.organisation ?? null,
      deployments: [
        ...(profile?.deployments ?? []),
        { location: location.trim(), country, startsOn, endsOn },
      ],
    });
  }

  const error = (id: string) => errors.find((e) => e.href === id)?.message;
  return (
    <Page title="Add a deployment" back="/volunteer" hasError={errors.length > 0}>
      {me.isPending && <Loading />}
      {me.error && <LoadError error={me.error} />}
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id="location"
          label="Where?"
          hint="For example, Calais or Lesvos"
          value={location}
          onChange={setLocation}
          error={error('location')}
        />
        <Select
          id="country"
          label="Country"
          placeholder="Choose a country"
          options={COUNTRIES}
          value={country}
          onChange={setCountry}
          error={error('country')}
        />
        <DateInput
          id="from"
          legend="From"
          value={from}
          onChange={setFrom}
          error={error('from-day')}
        />
        <DateInput
          id="to"
          legend="To"
          hint="The day you come (or came) home"
          value={to}
          onChange={setTo}
          error={error('to-day')}
        />
        <TextInput
          id="languages"
          label="Languages you speak"
          hint={LANGUAGES_HINT}
          value={langs}
          onChange={setLanguages}
          error={error('languages')}
        />
        <Button disabled={save.isPending}>Save</Button>
      </form>
    </Page>
  );
}
