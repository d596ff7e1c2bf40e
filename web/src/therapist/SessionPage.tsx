import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage } from '../api/client';
import { unwrap } from '../app/query';
import { navigate, useLocation, useParams } from '../app/router';
import { ConfirmCancel } from '../components/ConfirmCancel';
import { Textarea } from '../components/TextInput';
import { firstNameOf, HowToJoin } from '../sessions/HowToJoin';
import { useCancelSession, useSession } from '../sessions/queries';
import { WhatHappensNext } from '../sessions/WhatHappensNext';
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
  const { pathname: here, search } = useLocation();
  const session = useSession(id, zone);
  const cancel = useCancelSession(id);
  const [reason, setReason] = useState('');
  const [noReason, setNoReason] = useState(false);
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
  const volunteerName = firstNameOf(s.volunteerName, 'the volunteer');
  if (s.status === 'booked' && !started && search.get('step') === 'cancel') {
    const reasonError = noReason ? 'Enter why you need to cancel' : undefined;
    return (
      <ConfirmCancel
        title="Are you sure you want to cancel this session?"
        back={here}
        error={cancel.error}
        busy={cancel.isPending}
        fieldErrors={reasonError ? [{ href: 'reason', message: reasonError }] : []}
        field={
          <Textarea
            id="reason"
            label="Why do you need to cancel?"
            hint={`${volunteerName} sees this. Keep it short and leave out anything private.`}
            rows={3}
            error={reasonError}
            value={reason}
            onChange={setReason}
          />
        }
        onConfirm={() => {
          setNoReason(!reason.trim());
          if (reason.trim())
            cancel.mutate(reason.trim(), { onSuccess: () => navigate(`${here}?cancelled=1`) });
        }}
      >
        Your session on {formatZoned(s.startsAt.utc, zone)} will be cancelled. We will text{' '}
        {volunteerName} to say you had to cancel, and they can choose another time.
      </ConfirmCancel>
    );
  }
  const errors = [
    ...(missing ? [{ href: 'outcome', message: 'Select how the session went' }] : []),
    ...(outcome.error ? [{ href: 'outcome', message: problemMessage(outcome.error) }] : []),
  ];
  return (
    <Page title={title} back="/therapist" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {outcome.isSuccess && <Success>Recorded. Thank you.</Success>}
      {search.get('cancelled') === '1' && s.status === 'cancelled' && (
        <Success>The session is cancelled. We have told {volunteerName}.</Success>
      )}
      <SummaryList
        rows={[
          {
            key: 'When',
            value: `${formatZoned(s.startsAt.utc, zone)} to ${formatZoned(s.endsAt.utc, zone)}`,
          },
          ...(s.volunteerName ? [{ key: 'With', value: s.volunteerName }] : []),
          { key: 'How', value: MODALITY[s.modality] },
          ...(s.status === 'booked'
            ? [{ key: 'How to join', value: <HowToJoin session={s} reader="therapist" /> }]
            : []),
          { key: 'Status', value: <Tag>{STATUS[s.status]}</Tag> },
          ...(s.status === 'cancelled' && s.cancelReason
            ? [{ key: 'Reason given', value: s.cancelReason }]
            : []),
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
        <>
          <p className="govuk-body">You can record how it went once the session has started.</p>
          <WhatHappensNext session={s} reader="therapist" />
          <Button type="button" variant="warning" onClick={() => navigate(`${here}?step=cancel`)}>
            Cancel this session
          </Button>
        </>
      )}
    </Page>
  );
}
