import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { Link, navigate, useLocation, useParams } from '../app/router';
import { Button, ButtonGroup } from '../components/Button';
import { ConfirmCancel } from '../components/ConfirmCancel';
import { Page } from '../components/Page';
import { Loading } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { formatZoned } from '../time/formatZoned';
import { MoveCallForm } from '../calls/MoveCallForm';
import { SlotPicker } from '../volunteer/SlotPicker';

type Done = Schemas['LinkDoneView'];

/**
 * The page a short link in a text opens, without signing in: the time with its zone and a neutral
 * description, then "Move it" (a session: free times by day; a call: any day and time) or
 * "Cancel it" (one more tap to confirm). Once
 * something is done the link no longer works, so the answer is kept here, not fetched again.
 */
export function LinkPage() {
  const { code } = useParams();
  const { search } = useLocation();
  const step = search.get('step');
  const [done, setDone] = useState<Done | null>(null);
  const link = useQuery({
    queryKey: ['link', code],
    enabled: !done,
    queryFn: async () => unwrap(await api.GET('/v1/links/{code}', { params: { path: { code } } })),
  });
  const cancel = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/v1/links/{code}/cancel', { params: { path: { code } } })),
    onSuccess: setDone,
  });
  const move = useMutation({
    mutationFn: async (startsAt: string) =>
      unwrap(
        await api.POST('/v1/links/{code}/reschedule', {
          params: { path: { code } },
          body: { startsAt },
        }),
      ),
    onSuccess: setDone,
  });
  const here = `/l/${code}`;

  if (done) return <DonePage done={done} />;
  if (link.isPending) {
    return (
      <Page title="Your appointment">
        <Loading />
      </Page>
    );
  }
  if (link.error) return <DeadLink />;
  const view = link.data;
  const when = formatZoned(view.startsAt.utc, view.startsAt.timezone);

  if (step === 'cancel' && view.can.cancel) {
    return (
      <ConfirmCancel
        title="Are you sure you want to cancel?"
        back={here}
        error={cancel.error}
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate()}
      >
        {view.description} on {when} will be cancelled. The other person will be told.
      </ConfirmCancel>
    );
  }

  if (step === 'move' && view.can.reschedule) {
    const error = move.error ? problemMessage(move.error) : undefined;
    return (
      <Page title="Choose a new time" back={here} caption={view.description}>
        <p className="govuk-body">Now: {when}.</p>
        {view.kind === 'session' ? (
          <SlotPicker
            source={{ linkCode: code }}
            submitLabel="Move to this time"
            busy={move.isPending}
            error={error}
            onPick={(startsAt) => move.mutate(startsAt)}
          />
        ) : (
          <MoveCallForm
            zone={view.startsAt.timezone}
            busy={move.isPending}
            error={error}
            onMove={(startsAt) => move.mutate(startsAt)}
          />
        )}
      </Page>
    );
  }

  return (
    <Page title={view.description}>
      <SummaryList
        rows={[
          { key: 'When', value: when },
          ...(view.meeting
            ? [{ key: 'How to join', value: <LinkMeeting meeting={view.meeting} /> }]
            : []),
        ]}
      />
      <ButtonGroup>
        {view.can.reschedule && (
          <Button type="button" variant="secondary" onClick={() => navigate(`${here}?step=move`)}>
            Move it
          </Button>
        )}
        {view.can.cancel && (
          <Button type="button" variant="warning" onClick={() => navigate(`${here}?step=cancel`)}>
            Cancel it
          </Button>
        )}
      </ButtonGroup>
      <p className="govuk-body">
        This link works only for you, until the time above. Please do not share it.
      </p>
    </Page>
  );
}

function DonePage({ done }: { done: Done }) {
  const when = formatZoned(done.startsAt.utc, done.startsAt.timezone);
  if (done.status === 'moved') {
    return (
      <Page title={`Moved to ${when}`}>
        <p className="govuk-body">
          {done.description} is now on {when}. We&apos;ve sent you a text with the new time.
        </p>
        <p className="govuk-body">The old link no longer works: use the one in the new text.</p>
      </Page>
    );
  }
  return (
    <Page title="Cancelled">
      <p className="govuk-body">
        {done.description} on {when} is cancelled. The other person has been told.
      </p>
      <p className="govuk-body">
        To ask for another time, <Link to="/sign-in">sign in</Link>.
      </p>
    </Page>
  );
}

/** Unknown, expired, moved or cancelled: the service does not say which, and neither does this. */
function DeadLink() {
  return (
    <Page title="This link no longer works">
      <p className="govuk-body">
        Links stop working when the time arrives, or when the time changes or is cancelled. If you
        were sent a newer text, use the link in that one.
      </p>
      <p className="govuk-body">
        You can also <Link to="/sign-in">sign in</Link> to see your times.
      </p>
    </Page>
  );
}

/** How to join, as a link shows it: no names or numbers (the page may be on a shared phone). */
function LinkMeeting({ meeting }: { meeting: Schemas['LinkMeetingView'] }) {
  if (meeting.how === 'video')
    return meeting.url ? (
      <a className="govuk-link" href={meeting.url} target="_blank" rel="noopener noreferrer">
        Join the video call (opens in a new tab)
      </a>
    ) : (
      <>Video call. The link is not ready yet: it will be in your reminder text.</>
    );
  if (meeting.how === 'phone')
    return meeting.whoCalls === 'you' ? (
      <>Phone call. You make the call, on the number the other person gave.</>
    ) : (
      <>Phone call. You will be called on the number you gave us.</>
    );
  return <>{meeting.address ? `In person, at ${meeting.address}` : 'In person'}</>;
}
