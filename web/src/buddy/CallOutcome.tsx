import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage, type Schemas } from '../api/client';
import { unwrap } from '../app/query';

type Outcome = Schemas['OutcomeDto'];

const CHOICES: { key: string; label: string; confirm: string; body: Outcome }[] = [
  {
    key: 'completed',
    label: 'Completed',
    confirm: 'the call took place',
    body: { status: 'completed', wellbeing: 'ok' },
  },
  { key: 'missed', label: 'Missed', confirm: 'the call was missed', body: { status: 'missed' } },
  {
    key: 'concern',
    label: 'Concern',
    confirm: 'the call took place and you are worried about them (the coordinator is told)',
    body: { status: 'completed', wellbeing: 'concern' },
  },
];

/** How a call went, in two taps: the outcome, then "Yes, log it". */
export function CallOutcome({ callId, when }: { callId: string; when: string }) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState<(typeof CHOICES)[number] | null>(null);
  const log = useMutation({
    mutationFn: async (body: Outcome) =>
      unwrap(
        await api.POST('/v1/check-ins/{id}/outcome', { params: { path: { id: callId } }, body }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['check-ins'] }),
  });
  if (log.error) {
    return (
      <p className="govuk-error-message" role="alert">
        {problemMessage(log.error)}
      </p>
    );
  }
  if (chosen) {
    return (
      <div className="govuk-button-group" role="group" aria-label={`Confirm the call on ${when}`}>
        <p className="govuk-body govuk-!-margin-bottom-2" style={{ flexBasis: '100%' }}>
          Log that {chosen.confirm}?
        </p>
        <button
          type="button"
          className="govuk-button"
          disabled={log.isPending}
          onClick={() => log.mutate(chosen.body)}
        >
          Yes, log it
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => setChosen(null)}
        >
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div className="govuk-button-group" role="group" aria-label={`How did the call on ${when} go?`}>
      {CHOICES.map((c) => (
        <button
          key={c.key}
          type="button"
          className={`govuk-button ${c.key === 'concern' ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
          onClick={() => setChosen(c)}
        >
          {c.label}
          <span className="govuk-visually-hidden"> (call on {when})</span>
        </button>
      ))}
    </div>
  );
}
