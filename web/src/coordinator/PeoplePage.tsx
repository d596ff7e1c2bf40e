import { useEffect, useState } from 'react';
import { Link, navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { roleWords } from '../words';
import { useFindPeople } from './queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The page of one person, where their whole record is. */
export const personPath = (userId: string) => `/coordinator/people/${userId}`;

/**
 * Looks a person up by name, email or account id; each person found is audited. Each result opens
 * that person's page (their whole record).
 */
export function PeoplePage() {
  const { search } = useLocation();
  const id = search.get('id') ?? '';
  const q = search.get('q') ?? '';
  const [typed, setTyped] = useState(q);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const found = useFindPeople(q);
  // An old address with ?id= opens the person's page.
  useEffect(() => {
    if (UUID.test(id)) navigate(personPath(id), { replace: true });
  }, [id]);
  const lookUp = (event: React.FormEvent) => {
    event.preventDefault();
    const value = typed.trim();
    if (value.length < 2)
      return setErrors([
        { href: 'person-id', message: 'Enter at least 2 letters of a name or email, or an id' },
      ]);
    setErrors([]);
    navigate(
      UUID.test(value) ? personPath(value) : `/coordinator/people?q=${encodeURIComponent(value)}`,
    );
  };
  return (
    <Page title="Look someone up" back="/coordinator" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={lookUp}>
        <TextInput
          id="person-id"
          label="Name, email address or account id"
          hint="Part of a name or email is enough. Select a name to see their sessions, pairings, consents and checks."
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
                <Link to={personPath(p.id)}>{p.name}</Link>, {roleWords(p.role)}
                <br />
                <span className="govuk-body-s">{p.email}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
