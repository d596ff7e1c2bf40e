import { fieldErrors, problemError } from '../api/client';
import {
  setDayHours,
  setTimeOff,
  useMyAvailability,
  useRemoveException,
  useSaveWeekly,
} from '../availability/queries';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { AvailabilityEditor } from './AvailabilityEditor';
import { ExceptionsEditor, type DaysOffRequest } from './ExceptionsEditor';
import { useMe } from '../account/useMe';

/**
 * Weekly hours and days off, in my zone (the one my hours were set in, else my account's).
 * Therapists and buddies share it: for a buddy the hours are the times they can take calls.
 */
export function AvailabilityPage({ home = '/therapist' }: { home?: string }) {
  const me = useMe();
  const availability = useMyAvailability();
  const save = useSaveWeekly();
  const remove = useRemoveException();
  const title = 'Your weekly hours';
  if (me.error || availability.error) {
    return (
      <Page title={title} back={home}>
        <LoadError error={me.error ?? availability.error} />
      </Page>
    );
  }
  if (!me.data || !availability.data)
    return (
      <Page title={title} back={home}>
        <Loading />
      </Page>
    );
  const zone = availability.data.timezone ?? me.data.timezone;
  const serverErrors = save.error
    ? Object.entries(fieldErrors(save.error)).map(([, message]) => ({ href: '', message }))
    : [];
  if (save.error && serverErrors.length === 0) serverErrors.push(problemError(save.error));
  return (
    <Page title={title} back={home} hasError={serverErrors.length > 0}>
      {save.isSuccess && <Success>Your weekly hours are saved.</Success>}
      <AvailabilityEditor
        key={JSON.stringify(availability.data.weekly)}
        timezone={zone}
        weekly={availability.data.weekly}
        onSave={(body) => save.mutateAsync(body).catch(() => undefined)}
        serverErrors={serverErrors}
      />
      <ExceptionsEditor
        zone={zone}
        exceptions={availability.data.exceptions}
        save={saveDaysOff}
        remove={(id) => remove.mutate(id)}
      />
    </Page>
  );
}

export const TherapistAvailability = () => <AvailabilityPage home="/therapist" />;
export const BuddyAvailability = () => <AvailabilityPage home="/buddy" />;

function saveDaysOff(request: DaysOffRequest, sessions?: 'keep' | 'cancel') {
  return request.kind === 'off'
    ? setTimeOff({ from: request.from, to: request.to, sessions })
    : setDayHours({
        date: request.date,
        windows: [{ start: request.start, end: request.end }],
        sessions,
      });
}
