import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../account/useMe';
import { api, problemMessage } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { navigate, useLocation, useParams } from '../app/router';
import { Button, ButtonGroup } from '../components/Button';
import { ConfirmCancel } from '../components/ConfirmCancel';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { formatZoned } from '../time/formatZoned';
import { usePairings } from '../buddy/queries';
import { MoveCallForm } from './MoveCallForm';

/**
 * One call, for the volunteer or the buddy on it: when (on both clocks), then "Move it" (a new day
 * and time) or "Cancel it" (one more tap). The other person is told either way by text.
 */
export function CallPage() {
  const { id } = useParams();
  const { pathname: here, search } = useLocation();
  const step = search.get('step');
  const me = useMe();
  const home = me.data?.role === 'buddy' ? '/buddy' : '/volunteer/calls';
  const [notice, setNotice] = useState('');
  // Names and the volunteer's number come from the pairing, only as the API shares them.
  const pairings = usePairings();
  const call = useQuery({
    queryKey: ['check-in', id],
    queryFn: async () => unwrap(await api.GET('/v1/check-ins/{id}', { params: { path: { id } } })),
  });
  // Refetch first, then say it: the notice never stands next to the old time.
  const done = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: ['check-in', id] });
    await queryClient.invalidateQueries({ queryKey: ['check-ins'] });
    setNotice(message);
    navigate(here);
  };
  const move = useMutation({
    mutationFn: async (startsAt: string) =>
      unwrap(
        await api.POST('/v1/check-ins/{id}/reschedule', {
          params: { path: { id } },
          body: { startsAt },
        }),
      ),
    onSuccess: () => done('The call has moved. We have sent the other person a text.'),
  });
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/check-ins/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => done('The call is cancelled. We have sent the other person a text.'),
  });

  const c = call.data;
  const zone = me.data?.timezone;
  if (!c || !zone) {
    return (
      <Page title="Your call" back={home}>
        {call.error || me.error ? <LoadError error={call.error ?? me.error} /> : <Loading />}
      </Page>
    );
  }
  const when = formatZoned(c.startsAt.utc, zone);
  const theirs = c.volunteerId === me.data?.id ? c.buddyTime : c.volunteerTime;
  const changeable = c.status === 'scheduled' && Date.parse(c.startsAt.utc) > Date.now();

  if (step === 'cancel' && changeable) {
    return (
      <ConfirmCancel
        title="Are you sure you want to cancel this call?"
        back={here}
        error={cancel.error}
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      >
        The call on {when} will be cancelled. The calls after it stay as planned.
      </ConfirmCancel>
    );
  }
  if (step === 'move' && changeable) {
    return (
      <Page title="Choose a new time for the call" back={here} hasError={!!move.error}>
        <p className="govuk-body">Now: {when}.</p>
        <MoveCallForm
          zone={zone}
          busy={move.isPending}
          error={move.error ? problemMessage(move.error) : undefined}
          onMove={(startsAt) => move.mutate(startsAt)}
        />
      </Page>
    );
  }

  const pairing = pairings.data?.items.find((p) => p.id === c.pairingId);
  const iAmBuddy = c.buddyId === me.data?.id;
  const contact = pairing?.volunteerContact ?? null;
  const rows: SummaryRow[] = [];
  if (iAmBuddy && contact) {
    rows.push({ key: 'With', value: contact.name });
    if (contact.phone) {
      rows.push({
        key: 'Their phone',
        value: (
          <a className="govuk-link" href={`tel:${contact.phone}`}>
            {contact.phone}
            <span className="govuk-visually-hidden"> (call {contact.name})</span>
          </a>
        ),
      });
    }
    if (c.channel === 'skype' && contact.skypeHandle) {
      rows.push({ key: 'Their Skype name', value: contact.skypeHandle });
    }
  } else if (!iAmBuddy && pairing?.buddyName) {
    rows.push({ key: 'With', value: pairing.buddyName });
  }
  rows.push({ key: 'When', value: `${when} (your time)` });
  if (theirs.timezone !== zone) {
    rows.push({ key: 'For them', value: formatZoned(theirs.utc, theirs.timezone) });
  }
  rows.push({ key: 'How', value: c.channel === 'skype' ? 'On Skype' : 'By phone' });
  if (c.status !== 'scheduled') rows.push({ key: 'Status', value: <Tag>{c.status}</Tag> });
  return (
    <Page title="Your call" back={home}>
      {notice && <Success>{notice}</Success>}
      <SummaryList rows={rows} />
      {changeable && (
        <ButtonGroup>
          <Button type="button" variant="secondary" onClick={() => navigate(`${here}?step=move`)}>
            Move it
          </Button>
          <Button type="button" variant="warning" onClick={() => navigate(`${here}?step=cancel`)}>
            Cancel it
          </Button>
        </ButtonGroup>
      )}
    </Page>
  );
}
