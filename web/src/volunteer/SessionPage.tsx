import { useMutation, useQuery } from '@tanstack/react-query';
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
import { SlotPicker } from './SlotPicker';

const HOW = { video: 'Video call', phone: 'Phone call', in_person: 'In person' };

/** One session: when (with its zone), add to calendar, move it, cancel it. */
export function SessionPage() {
  const { id } = useParams();
  const { pathname: here, search } = useLocation();
  const me = useMe();
  const zone = me.data?.timezone;
  const [moving, setMoving] = useState(false);
  const [notice, setNotice] = useState(search.get('booked') ? 'Your session is booked.' : '');
  const session = useQuery({
    queryKey: ['session', id, zone],
    enabled: !!zone,
    queryFn: async () =>
      unwrap(await api.GET('/v1/sessions/{id}', { params: { path: { id }, query: { tz: zone } } })),
  });
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
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/sessions/{id}/cancel', {
          params: { path: { id } },
          body: { reason: 'Cancelled by the volunteer' },
        }),
      ),
    onSuccess: async () => {
      await refresh('Your session is cancelled.');
      navigate('/volunteer');
    },
  });
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
              { key: 'How', value: HOW[s.modality] },
              { key: 'Status', value: <Tag>{s.status}</Tag> },
            ]}
          />
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
