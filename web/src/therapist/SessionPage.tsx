import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage } from '../api/client';
import { unwrap } from '../app/query';
import { useParams } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { formatZoned } from '../time/formatZoned';
import { Attendance } from './Attendance';
import { MODALITY } from './TherapistHome';
import { useMe } from '../account/useMe';

const STATUS: Record<string, string> = {
  booked: 'Booked',
  completed: 'Took place',
  no_show: 'Did not attend',
  cancelled: 'Cancelled',
};

/**
 * One session: when, how, and the volunteer's contact while their consent to share it holds
 * (the server leaves it out otherwise); once it has started, how it went.
 */
export function SessionPage() {
  const { id } = useParams();
  const me = useMe();
  const zone = me.data?.timezone;
  const client = useQueryClient();
  const session = useQuery({
    queryKey: ['session', id, zone],
    enabled: !!zone,
    queryFn: async () =>
      unwrap(await api.GET('/v1/sessions/{id}', { params: { path: { id }, query: { tz: zone } } })),
  });
  const [choice, setChoice] = useState('');
  const [missing, setMissing] = useState(false);
  const outcome = useMutation({
    mutationFn: async (status: 'completed' | 'no_show') =>
      unwrap(
        await api.POST('/v1/sessions/{id}/outcome', { params: { path: { id } }, body: { status } }),
      ),
    onSuccess: () =>
      client
        .invalidateQueries({ queryKey: ['session'] })
        .then(() => client.invalidateQueries({ queryKey: ['sessions'] })),
  });

  const title = 'Session';
  if (me.error || session.error)
    return (
      <Page title={title} back="/therapist">
        <LoadError error={me.error ?? session.error} />
      </Page>
    );
  if (!session.data || !zone)
    return (
      <Page title={title} back="/therapist">
        <Loading />
      </Page>
    );
  const s = session.data;
  const started = Date.parse(s.startsAt.utc) <= Date.now();
  const errors = [
    ...(missing ? [{ href: 'outcome', message: 'Select how the session went' }] : []),
    ...(outcome.error ? [{ href: 'outcome', message: problemMessage(outcome.error) }] : []),
  ];
  return (
    <Page title={title} back="/therapist" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {outcome.isSuccess && <Success>Recorded. Thank you.</Success>}
      <SummaryList
        rows={[
          {
            key: 'When',
            value: `${formatZoned(s.startsAt.utc, zone)} to ${formatZoned(s.endsAt.utc, zone)}`,
          },
          { key: 'How', value: MODALITY[s.modality] },
          { key: 'Status', value: <Tag>{STATUS[s.status]}</Tag> },
          ...(s.attendance
            ? [{ key: 'Volunteer’s answer', value: <Attendance session={s} zone={zone} /> }]
            : []),
          {
            key: 'Volunteer',
            value: s.volunteer ? (
              <>
                {s.volunteer.name}
                <br />
                {s.volunteer.phone ?? 'No phone number given'}
                {s.volunteer.note && (
                  <>
                    <br />
                    Their note: {s.volunteer.note}
                  </>
                )}
              </>
            ) : (
              'Not shown: the volunteer does not currently agree to share their contact details.'
            ),
          },
        ]}
      />
      {s.status === 'booked' && started && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setMissing(!choice);
            if (choice) outcome.mutate(choice as 'completed' | 'no_show');
          }}
        >
          <Radios
            id="outcome"
            legend="How did it go?"
            error={errors[0]?.message}
            value={choice}
            onChange={setChoice}
            choices={[
              { value: 'completed', label: 'The session took place' },
              { value: 'no_show', label: 'The volunteer did not attend' },
            ]}
          />
          <Button disabled={outcome.isPending}>Record</Button>
        </form>
      )}
      {s.status === 'booked' && !started && (
        <p className="govuk-body">You can record how it went once the session has started.</p>
      )}
    </Page>
  );
}
