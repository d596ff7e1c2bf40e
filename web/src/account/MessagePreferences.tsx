import { FormEvent, useState } from 'react';
import { problemMessage } from '../api/client';
import { Link } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { MESSAGE_WAYS } from '../words';
import { useChooseMessageWays, useMessagePreferences } from './queries';

type Way = 'text' | 'email' | 'both';

const choices = (ways: Way[]) => ways.map((value) => ({ value, label: MESSAGE_WAYS[value] }));

/** Per kind of message: by text, by email or both. Mail goes only to a confirmed address. */
export function MessagePreferences() {
  const current = useMessagePreferences();
  const save = useChooseMessageWays();
  const [reminders, setReminders] = useState<Way | null>(null);
  const [changes, setChanges] = useState<Way | null>(null);
  const [saved, setSaved] = useState(false);

  const data = current.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!data) return;
    setSaved(false);
    save.mutate(
      { reminders: reminders ?? data.reminders, changes: changes ?? data.changes },
      {
        onSuccess: () => {
          setReminders(null);
          setChanges(null);
          setSaved(true);
        },
      },
    );
  };
  const errors = save.error ? [{ href: '#changes', message: problemMessage(save.error) }] : [];

  return (
    <Page title="How we contact you" back="/account" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {current.isPending && <Loading />}
      {current.error && <LoadError error={current.error} />}
      {saved && data && (
        <Success>
          Saved. Reminders: {MESSAGE_WAYS[data.reminders].toLowerCase()}. Bookings, moves and
          cancellations: {MESSAGE_WAYS[data.changes].toLowerCase()}. Messages we plan from now on
          follow this; ones already planned go as they were planned.
        </Success>
      )}
      {data && !data.emailConfirmed && (
        <div className="govuk-inset-text">
          {data.hasEmail
            ? 'We can email you only once you have confirmed your email address. Until then, everything comes by text.'
            : 'We have no email address for you, so everything comes by text.'}{' '}
          <Link to="/account">Go to your account</Link>
        </div>
      )}
      {data && (
        <form noValidate onSubmit={submit}>
          <Radios
            id="reminders"
            legend="Reminders before a session or call"
            value={reminders ?? data.reminders}
            onChange={(v) => setReminders(v as Way)}
            choices={choices(['text', 'email', 'both'])}
          />
          <Radios
            id="changes"
            legend="When a session or call is booked, moved or cancelled"
            hint={
              data.changesAlwaysByEmail
                ? 'As a therapist you always get these by email. You can have them by text too.'
                : undefined
            }
            value={changes ?? data.changes}
            onChange={(v) => setChanges(v as Way)}
            choices={choices(
              data.changesAlwaysByEmail ? ['email', 'both'] : ['both', 'email', 'text'],
            )}
          />
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
        </form>
      )}
    </Page>
  );
}
