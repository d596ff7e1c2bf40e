import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage } from '../api/client';
import { unwrap } from '../app/query';
import { Link, navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { Textarea, TextInput } from '../components/TextInput';
import { useMe } from '../account/useMe';
import { PersonSummary } from './PersonSummary';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Looks a person up by name, email or account id; each person found and each record read is
 * audited. A volunteer can be allowed one further session, with the reason recorded.
 */
export function PeoplePage() {
  const { search } = useLocation();
  const id = search.get('id') ?? '';
  const q = search.get('q') ?? '';
  const [typed, setTyped] = useState(id || q);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const me = useMe();
  const person = useQuery({
    queryKey: ['person', id],
    enabled: UUID.test(id),
    queryFn: async () =>
      unwrap(await api.GET('/v1/people/{userId}', { params: { path: { userId: id } } })),
  });
  const found = useQuery({
    queryKey: ['people', q],
    enabled: q.length >= 2,
    queryFn: async () => unwrap(await api.GET('/v1/people', { params: { query: { q } } })),
  });
  const lookUp = (event: React.FormEvent) => {
    event.preventDefault();
    const value = typed.trim();
    if (value.length < 2)
      return setErrors([
        { href: 'person-id', message: 'Enter at least 2 letters of a name or email, or an id' },
      ]);
    setErrors([]);
    navigate(
      UUID.test(value)
        ? `/coordinator/people?id=${value}`
        : `/coordinator/people?q=${encodeURIComponent(value)}`,
    );
  };
  return (
    <Page title="Look someone up" back="/coordinator" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={lookUp}>
        <TextInput
          id="person-id"
          label="Name, email address or account id"
          hint="Part of a name or email is enough. Ids come from a concern, a failed text, the vetting queue or the audit trail."
          widthClass="govuk-input--width-30"
          error={errors[0]?.message}
          value={typed}
          onChange={setTyped}
          spellCheck={false}
        />
        <Button variant="secondary">Look up</Button>
      </form>
      {found.error && <LoadError error={found.error} />}
      {found.isFetching && <Loading />}
      {found.data && (
        <>
          <h2 className="govuk-heading-m">
            {found.data.items.length === 0
              ? 'Nobody found'
              : `${found.data.items.length}${found.data.items.length === 20 ? '+' : ''} found`}
          </h2>
          <ul className="govuk-list govuk-list--spaced">
            {found.data.items.map((p) => (
              <li key={p.id}>
                <Link to={`/coordinator/people?id=${p.id}`}>{p.name}</Link>, {p.role}
                <br />
                <span className="govuk-body-s">{p.email}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {person.error && <LoadError error={person.error} />}
      {person.isFetching && <Loading />}
      {person.data && me.data && (
        <>
          <PersonSummary person={person.data} zone={me.data.timezone} />
          {person.data.role === 'volunteer' && <SessionGrant volunteerId={person.data.id} />}
        </>
      )}
    </Page>
  );
}

function SessionGrant({ volunteerId }: { volunteerId: string }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const grant = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/volunteers/{id}/session-grants', {
          params: { path: { id: volunteerId } },
          body: { reason: reason.trim() },
        }),
      ),
  });
  const error = missing
    ? 'Say why they need another session'
    : grant.error
      ? problemMessage(grant.error)
      : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!reason.trim());
        if (reason.trim()) grant.mutate();
      }}
    >
      <h2 className="govuk-heading-m">Allow another session</h2>
      {grant.isSuccess && <Success>They can now book one more session.</Success>}
      <Textarea
        id="grant-reason"
        label="Why do they need another session?"
        hint="Recorded in the audit trail."
        rows={3}
        error={error}
        value={reason}
        onChange={setReason}
      />
      <Button variant="secondary" disabled={grant.isPending}>
        Allow another session
      </Button>
    </form>
  );
}
