import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../account/useMe';
import { api, download, problemMessage } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { navigate, useLocation, useParams } from '../app/router';
import { Button, ButtonGroup } from '../components/Button';
import { ConfirmCancel } from '../components/ConfirmCancel';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { formatZoned } from '../time/formatZoned';
import { HowToJoin } from '../sessions/HowToJoin';
import { useCancelSession, useSession } from '../sessions/queries';
import { WhatHappensNext } from '../sessions/WhatHappensNext';
import { SlotPicker } from './SlotPicker';

const HOW = { video: 'Video call', phone: 'Phone call', in_person: 'In person' };
const STATUS = {
  booked: 'Booked',
  completed: 'Took place',
  no_show: 'Did not attend',
  cancelled: 'Cancelled',
};

/** One session: when (with its zone), add to calendar, move it, cancel it. */
export function SessionPage() {
  const { id } = useParams();
  const { pathname: here, search } = useLocation();
  const me = useMe();
  const zone = me.data?.timezone;
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState(search.get('booked') ? 'Your session is booked.' : '');
  const session = useSession(id, zone);
  // Refetch first, then say it: the notice never stands next to the old time.
  const refresh = async (message: string) => {
    await queryClient.invalidateQueries({ queryKey: ['session', id] });
    await queryClient.invalidateQueries({ queryKey: ['sessions'] });
    setNotice(message);
    setMoving(false);
  };
  const reschedule = useMutation({
    mutationFn: async (startsAt: string) =>
      unwrap(
        await api.POST('/v1/sessions/{id}/reschedule', {
          params: { path: { id } },
          body: { startsAt },
        }),
      ),
    onSuccess: () => refresh('Your session has moved.'),
  });
  const cancelSession = useCancelSession(id);
  const cancel = {
    ...cancelSession,
    mutate: () =>
      cancelSession.mutate('Cancelled by the volunteer', {
        onSuccess: () => {
          // The lists are read afresh by the mutation; home shows the session is gone.
          navigate('/volunteer');
        },
      }),
  };
  const s = session.data;
  if (s && zone && s.status === 'booked' && search.get('step') === 'cancel') {
    return (
      <ConfirmCancel
        title="Are you sure you want to cancel this session?"
        back={here}
        error={cancel.error}
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      >
        Your session on {formatZoned(s.startsAt.utc, zone)} will be cancelled. The other person will
        be told.
      </ConfirmCancel>
    );
  }
  return (
    <Page title={moving ? 'Choose a new time' : 'Your session'} back="/volunteer">
      {notice && !moving && <Success>{notice}</Success>}
      {(me.isPending || session.isPending) && <Loading />}
      {session.error && <LoadError error={session.error} />}
      {s && zone && !moving && (
        <>
          <SummaryList
            rows={[
              { key: 'When', value: formatZoned(s.startsAt.utc, zone) },
              ...(s.therapistName ? [{ key: 'With', value: s.therapistName }] : []),
              { key: 'How', value: HOW[s.modality] },
              ...(s.status === 'booked'
                ? [{ key: 'How to join', value: <HowToJoin session={s} reader="volunteer" /> }]
                : []),
              { key: 'Status', value: <Tag>{STATUS[s.status]}</Tag> },
              ...(s.status === 'cancelled' && s.cancelledBy === s.therapistId && s.cancelReason
                ? [{ key: 'Their reason', value: s.cancelReason }]
                : []),
            ]}
          />
          {s.status === 'booked' && Date.parse(s.startsAt.utc) > Date.now() && (
            <WhatHappensNext session={s} reader="volunteer" />
          )}
          {s.status === 'booked' && (
            <ButtonGroup>
              <Button
                type="button"
                variant="secondary"
                onClick={() => void download(`/v1/sessions/${id}/calendar.ics`, 'session.ics')}
              >
                Add to calendar
              </Button>
              <Button type="button" variant="secondary" onClick={() => setMoving(true)}>
                Move to another time
              </Button>
              <Button
                type="button"
                variant="warning"
                onClick={() => navigate(`${here}?step=cancel`)}
              >
                Cancel this session
              </Button>
            </ButtonGroup>
          )}
        </>
      )}
      {s && zone && moving && (
        <SlotPicker
          source={{ therapistId: s.therapistId, defaultZone: zone }}
          submitLabel="Move to this time"
          busy={reschedule.isPending}
          error={reschedule.error ? problemMessage(reschedule.error) : undefined}
          onPick={(startsAt) => reschedule.mutate(startsAt)}
        />
      )}
    </Page>
  );
}
