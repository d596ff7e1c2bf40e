import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, fieldErrors, problemError } from '../api/client';
import { unwrap } from '../app/query';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { AvailabilityEditor } from './AvailabilityEditor';
import { ExceptionsEditor } from './ExceptionsEditor';
import { useMe } from '../account/useMe';

/**
 * Weekly hours and days off, in my zone (the one my hours were set in, else my account's).
 * Therapists and buddies share it: for a buddy the hours are the times they can take calls.
 */
export function AvailabilityPage({ home = '/therapist' }: { home?: string }) {
  const me = useMe();
  const client = useQueryClient();
  const availability = useQuery({
    queryKey: ['availability'],
    queryFn: async () => unwrap(await api.GET('/v1/me/availability')),
  });
  const save = useMutation({
    mutationFn: async (body: Parameters<typeof saveWeekly>[0]) => saveWeekly(body),
    onSuccess: (data) => client.setQueryData(['availability'], data),
  });
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
      <ExceptionsEditor zone={zone} exceptions={availability.data.exceptions} />
    </Page>
  );
}

export const TherapistAvailability = () => <AvailabilityPage home="/therapist" />;
export const BuddyAvailability = () => <AvailabilityPage home="/buddy" />;

async function saveWeekly(body: {
  timezone: string;
  weekly: { weekday: number; start: string; end: string }[];
}) {
  return unwrap(await api.PUT('/v1/me/availability', { body }));
}
