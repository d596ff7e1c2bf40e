import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, fieldErrors, problemError, type Schemas } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { Link } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { Textarea, TextInput } from '../components/TextInput';

type Body = Schemas['RaiseConcernDto'];

export const CATEGORY: Record<Body['category'], string> = {
  volunteer_behaviour: 'How someone is behaving',
  child_at_risk: 'A child may be at risk',
  volunteer_wellbeing: 'Someone’s wellbeing',
  possible_crime: 'A possible crime',
  other: 'Something else',
};

/** Raise a safeguarding concern about anyone, registered or not. Reachable from every page. */
export function ConcernNew() {
  const [who, setWho] = useState('');
  const [category, setCategory] = useState('');
  const [urgency, setUrgency] = useState('');
  const [details, setDetails] = useState('');
  const [location, setLocation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const raise = useMutation({
    mutationFn: async (body: Body) => unwrap(await api.POST('/v1/concerns', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-concerns'] }),
    onError: (error) => {
      const fields = Object.entries(fieldErrors(error)).map(([href, message]) => ({
        href,
        message,
      }));
      setErrors(fields.length ? fields : [problemError(error)]);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!who.trim()) missing.push({ href: 'who', message: 'Say who this is about' });
    if (!category) missing.push({ href: 'category', message: 'Select what it is about' });
    if (!urgency) missing.push({ href: 'urgency', message: 'Select how urgent it is' });
    if (!details.trim()) missing.push({ href: 'details', message: 'Describe what happened' });
    setErrors(missing);
    if (missing.length) return;
    raise.mutate({
      subjectDescription: who.trim(),
      category: category as Body['category'],
      urgency: urgency as Body['urgency'],
      details: details.trim(),
      ...(location.trim() ? { location: location.trim() } : {}),
    });
  }

  if (raise.isSuccess) {
    return (
      <Page title="Concern sent">
        <div className="govuk-panel govuk-panel--confirmation">
          <div className="govuk-panel__body">The coordinator has your report</div>
        </div>
        <p className="govuk-body">
          They will look at it and may contact you. If someone is in danger now, call 999 (in the
          UK) or the local emergency number.
        </p>
        <p className="govuk-body">
          <Link to="/concerns">See the concerns you raised</Link>
        </p>
      </Page>
    );
  }

  const error = (id: string) => errors.find((e) => e.href === id)?.message;
  return (
    <Page title="Raise a concern" hasError={errors.length > 0}>
      <p className="govuk-body">
        Tell the coordinator about something that worries you about anyone, whether or not they use
        this service. Only the coordinator reads it. If someone is in danger now, call 999 (in the
        UK) or the local emergency number.
      </p>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id="who"
          label="Who is it about?"
          hint="A name, or a description if you do not know it"
          value={who}
          onChange={setWho}
          error={error('who') ?? error('subjectDescription')}
        />
        <Radios
          id="category"
          legend="What is it about?"
          value={category}
          onChange={setCategory}
          error={error('category')}
          choices={Object.entries(CATEGORY).map(([value, label]) => ({ value, label }))}
        />
        <Radios
          id="urgency"
          legend="How urgent is it?"
          value={urgency}
          onChange={setUrgency}
          error={error('urgency')}
          choices={[
            { value: 'urgent', label: 'Urgent: someone may be harmed soon' },
            { value: 'high', label: 'High' },
            { value: 'medium', label: 'Medium' },
            { value: 'low', label: 'Low' },
          ]}
        />
        <Textarea
          id="details"
          label="What happened?"
          value={details}
          onChange={setDetails}
          error={error('details')}
        />
        <TextInput
          id="location"
          label="Where? (optional)"
          value={location}
          onChange={setLocation}
        />
        <Button disabled={raise.isPending}>Send to the coordinator</Button>
      </form>
    </Page>
  );
}
