import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { navigate } from '../app/router';
import { Textarea } from '../components/TextInput';

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
    confirm: 'the call took place and you are worried about them',
    body: { status: 'completed', wellbeing: 'concern' },
  },
];

/**
 * How a call went, in two taps: the outcome, then "Yes, log it". A concern also asks for a short
 * note, and the buddy's home then says what happens next (BuddyHome, `?logged=concern`).
 */
export function CallOutcome({ callId, when }: { callId: string; when: string }) {
  const client = useQueryClient();
  const [chosen, setChosen] = useState<(typeof CHOICES)[number] | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const log = useMutation({
    mutationFn: async (body: Outcome) =>
      unwrap(
        await api.POST('/v1/check-ins/{id}/outcome', { params: { path: { id: callId } }, body }),
      ),
    onSuccess: async (_, body) => {
      await client.invalidateQueries({ queryKey: ['check-ins'] });
      if (body.wellbeing === 'concern') navigate('/buddy?logged=concern');
    },
  });
  const noteId = `concern-note-${callId}`;
  const logConcern = () => {
    const text = note.trim();
    const problem = !text
      ? 'Write a few words about what worries you'
      : text.length > 2000
        ? 'Your note must be 2,000 characters or fewer'
        : '';
    setNoteError(problem);
    if (!problem) log.mutate({ status: 'completed', wellbeing: 'concern', note: text });
  };
  if (log.error) {
    return (
      <p className="govuk-error-message" role="alert">
        {problemMessage(log.error)}
      </p>
    );
  }
  if (chosen?.key === 'concern') {
    return (
      <form
        aria-label={`Your concern after the call on ${when}`}
        onSubmit={(event) => {
          event.preventDefault();
          logConcern();
        }}
        noValidate
      >
        <Textarea
          id={noteId}
          label="What worries you?"
          hint="A few words are enough. The coordinators can read this note; the volunteer cannot."
          rows={3}
          value={note}
          onChange={setNote}
          error={noteError || undefined}
        />
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={log.isPending}>
            Log the concern
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setChosen(null)}
          >
            Cancel
          </button>
        </div>
      </form>
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
