import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage } from '../api/client';
import { unwrap } from '../app/query';
import { Button } from '../components/Button';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { Textarea } from '../components/TextInput';
import { WEEKDAYS } from '../therapist/AvailabilityEditor';
import { formatDate, zoneLabel } from '../time/formatZoned';
import { usePairings } from './queries';
import type { PairingView } from './views';

/** My volunteers: how to reach each, the call plan in their time, and ending a pairing. */
export function PairingsPage() {
  const pairings = usePairings();
  const [ended, setEnded] = useState<string | null>(null);
  const title = 'Your volunteers';
  if (pairings.error)
    return (
      <Page title={title} back="/buddy">
        <LoadError error={pairings.error} />
      </Page>
    );
  if (!pairings.data)
    return (
      <Page title={title} back="/buddy">
        <Loading />
      </Page>
    );
  return (
    <Page title={title} back="/buddy">
      {ended && (
        <Success>The pairing with {ended} has ended and their calls are cancelled.</Success>
      )}
      {pairings.data.items.length === 0 && (
        <p className="govuk-body">You have no volunteers at the moment.</p>
      )}
      {pairings.data.items.map((p) => (
        <Pairing key={p.id} pairing={p} onEnded={setEnded} />
      ))}
    </Page>
  );
}

function Pairing({
  pairing: p,
  onEnded,
}: {
  pairing: PairingView;
  onEnded: (name: string) => void;
}) {
  const client = useQueryClient();
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const name = p.volunteerContact?.name ?? 'Your volunteer';
  const end = useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/v1/pairings/{id}/end', {
          params: { path: { id: p.id } },
          body: { reason: reason.trim() },
        }),
      ),
    onSuccess: async () => {
      onEnded(name);
      await client.invalidateQueries({ queryKey: ['pairings'] });
      await client.invalidateQueries({ queryKey: ['check-ins'] });
    },
  });
  const fieldId = `end-reason-${p.id}`;
  const errors = [
    ...(missing ? [{ href: fieldId, message: 'Say why the pairing is ending' }] : []),
    ...(end.error ? [{ href: fieldId, message: problemMessage(end.error) }] : []),
  ];
  const contact = p.volunteerContact;
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={`pairing-${p.id}`}>
      <h2 className="govuk-heading-m" id={`pairing-${p.id}`}>
        {name} {p.flaggedAt && <Tag colour="red">Two calls missed</Tag>}
      </h2>
      <SummaryList
        rows={[
          {
            key: 'Contact',
            value: contact
              ? p.channel === 'skype'
                ? `Skype: ${contact.skypeHandle ?? 'not given'}`
                : (contact.phone ?? 'No phone number given')
              : 'Not shown: they do not currently agree to share it',
          },
          {
            key: 'Calls',
            value: `${p.cadence === 'weekly' ? 'Every' : 'Every other'} ${WEEKDAYS[p.weekday - 1]} at ${p.localTime} ${zoneLabel(p.timezone)}`,
          },
          { key: 'Until', value: p.endsOn ? formatDate(p.endsOn) : 'No end date' },
        ]}
      />
      {!ending ? (
        <Button variant="secondary" type="button" onClick={() => setEnding(true)}>
          End this pairing<span className="govuk-visually-hidden"> with {name}</span>
        </Button>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setMissing(!reason.trim());
            if (reason.trim()) end.mutate();
          }}
        >
          <ErrorSummary errors={errors} />
          <Textarea
            id={fieldId}
            label={`Why is the pairing with ${name} ending?`}
            hint="The coordinator sees this. Their calls still to come are cancelled."
            error={errors[0]?.message}
            value={reason}
            rows={3}
            onChange={setReason}
          />
          <div className="govuk-button-group">
            <Button variant="warning" disabled={end.isPending}>
              End pairing
            </Button>
            <Button variant="secondary" type="button" onClick={() => setEnding(false)}>
              Keep it
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
