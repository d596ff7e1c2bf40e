import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useMe } from '../account/useMe';
import { api, problemMessage } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { navigate, useLocation, useParams } from '../app/router';
import { Page } from '../components/Page';
import { Loading } from '../components/Status';
import { SlotPicker } from './SlotPicker';
import { useOpenSessionRequest, useSessionMatches } from '../sessions/queries';

export function BookSlot() {
  const { id, therapistId } = useParams();
  const { search } = useLocation();
  const me = useMe();
  // One key per visit: a double click or a retry books once.
  const [key] = useState(() => crypto.randomUUID());
  const book = useMutation({
    mutationFn: async (startsAt: string) =>
      unwrap(
        await api.POST('/v1/sessions', {
          params: { header: { 'idempotency-key': key } },
          body: { requestId: id, therapistId, startsAt },
        }),
      ),
    onSuccess: async (session) => {
      await queryClient.invalidateQueries({ queryKey: ['sessions'] });
      navigate(`/volunteer/sessions/${session.id}?booked=1`);
    },
  });
  const zone = search.get('tz') ?? me.data?.timezone;
  const request = useOpenSessionRequest();
  const name = useSessionMatches(id, zone).data?.items.find(
    (m) => m.therapistId === therapistId,
  )?.name;
  const asked = request.data?.id === id ? request.data : undefined;
  const window = useMemo(
    () => (asked ? { notBefore: asked.notBefore, notAfter: asked.notAfter } : undefined),
    [asked?.notBefore, asked?.notAfter],
  );
  return (
    <Page
      title={name ? `Choose a time with ${name}` : 'Choose a time'}
      caption="Your free session"
      back={`/volunteer/requests/${id}`}
    >
      {(!zone || request.isFetching) && <Loading />}
      {zone && !request.isFetching && (
        <SlotPicker
          window={window}
          source={{ therapistId, defaultZone: zone }}
          submitLabel="Book this time"
          busy={book.isPending}
          error={book.error ? problemMessage(book.error) : undefined}
          onPick={(startsAt) => book.mutate(startsAt)}
        />
      )}
    </Page>
  );
}
