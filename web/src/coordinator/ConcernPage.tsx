import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { Link, useParams } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success, Tag } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { Textarea, TextInput } from '../components/TextInput';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';
import { CATEGORY, URGENCY_COLOUR } from './ConcernsPage';

type Concern = Schemas['ConcernView'];
type Triage = Schemas['TriageConcernDto'];

/** The steps the service allows from each status (the database refuses any other). */
const NEXT: Record<Concern['status'], { value: NonNullable<Triage['status']>; label: string }[]> = {
  open: [{ value: 'triaged', label: 'Triaged: I have looked at it and am dealing with it' }],
  triaged: [
    { value: 'referred', label: 'Referred to another organisation or authority' },
    { value: 'closed', label: 'Closed: nothing more to do' },
  ],
  referred: [{ value: 'closed', label: 'Closed: nothing more to do' }],
  closed: [],
};

/** One concern, with its history and notes; triage it one step at a time, or add a note. Audited. */
export function ConcernPage() {
  const { id } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const concern = useQuery({
    queryKey: ['concern', id],
    queryFn: async () =>
      unwrap(await api.GET('/v1/concerns/{id}', { params: { path: { id } } })) as Concern,
  });
  const [step, setStep] = useState('');
  const [reason, setReason] = useState('');
  const [referredTo, setReferredTo] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const triage = useMutation({
    mutationFn: async (body: Triage) =>
      unwrap(await api.PATCH('/v1/concerns/{id}', { params: { path: { id } }, body })),
    onSuccess: async (data) => {
      client.setQueryData(['concern', id], data);
      setStep('');
      setReason('');
      setReferredTo('');
      setNote('');
      setErrors([]);
      await client.invalidateQueries({ queryKey: ['concerns'] });
    },
    onError: (error) => setErrors([{ href: 'step', message: problemMessage(error) }]),
  });
  const title = 'Concern';
  if (concern.error || me.error)
    return (
      <Page title={title} back="/coordinator/concerns">
        <LoadError error={concern.error ?? me.error} />
      </Page>
    );
  if (!concern.data || !me.data)
    return (
      <Page title={title} back="/coordinator/concerns">
        <Loading />
      </Page>
    );
  const c = concern.data;
  const zone = me.data.timezone;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!step && !note.trim())
      found.push({ href: 'step', message: 'Choose the next step or write a note' });
    if (step && !reason.trim()) found.push({ href: 'reason', message: 'Say why' });
    if (step === 'referred' && !referredTo.trim())
      found.push({ href: 'referredTo', message: 'Say who it was referred to' });
    setErrors(found);
    if (found.length > 0) return;
    triage.mutate({
      ...(step ? { status: step as Triage['status'], reason: reason.trim() } : {}),
      ...(step === 'referred' ? { referredTo: referredTo.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  };
  const err = (href: string) => errors.find((e) => e.href === href)?.message;
  return (
    <Page title={title} back="/coordinator/concerns" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {triage.isSuccess && <Success>Saved.</Success>}
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag>{c.status}</Tag> },
          { key: 'Urgency', value: <Tag colour={URGENCY_COLOUR[c.urgency]}>{c.urgency}</Tag> },
          { key: 'About', value: CATEGORY[c.category] },
          {
            key: 'Who',
            value: c.subjectUserId ? (
              <Link to={`/coordinator/people/${c.subjectUserId}`}>
                {c.subjectName ?? 'Registered person'}
              </Link>
            ) : (
              (c.subjectDescription ?? 'Not said')
            ),
          },
          {
            key: 'Reported by',
            value: c.reporterId ? (
              <Link to={`/coordinator/people/${c.reporterId}`}>
                {c.reporterName ?? 'Registered person'}
              </Link>
            ) : c.source === 'checkin' ? (
              'The service, after a call'
            ) : (
              'Someone who has since erased their account'
            ),
          },
          { key: 'What happened', value: c.details },
          ...(c.location ? [{ key: 'Where', value: c.location }] : []),
          ...(c.occurredAt ? [{ key: 'When', value: formatZoned(c.occurredAt, zone) }] : []),
          {
            key: 'Raised',
            value: `${formatZoned(c.createdAt, zone)}${c.source === 'checkin' ? ' by a buddy after a call' : ''}`,
          },
        ]}
      />
      <h2 className="govuk-heading-m">History</h2>
      <ol className="govuk-list govuk-list--number govuk-list--spaced">
        {c.history.map((h) => (
          <li key={h.id}>
            <strong>{formatZoned(h.at, zone)}</strong>:{' '}
            {h.kind === 'raised'
              ? 'Raised'
              : h.kind === 'note'
                ? 'Note'
                : `${h.fromStatus} to ${h.toStatus}`}
            {h.reason && `. ${h.reason}`}
            {h.referredTo && `. Referred to ${h.referredTo}`}
            {h.note && `. ${h.note}`}
          </li>
        ))}
      </ol>
      <form noValidate onSubmit={submit}>
        <h2 className="govuk-heading-m">Next step</h2>
        {NEXT[c.status].length > 0 && (
          <Radios
            id="step"
            legend="Move it on"
            small
            error={err('step')}
            value={step}
            onChange={setStep}
            choices={[{ value: '', label: 'Keep it as it is' }, ...NEXT[c.status]]}
          />
        )}
        {step && (
          <Textarea
            id="reason"
            label="Why"
            rows={3}
            error={err('reason')}
            value={reason}
            onChange={setReason}
          />
        )}
        {step === 'referred' && (
          <TextInput
            id="referredTo"
            label="Referred to"
            hint="For example: the local authority safeguarding team"
            error={err('referredTo')}
            value={referredTo}
            onChange={setReferredTo}
          />
        )}
        <Textarea
          id="note"
          label="Add a note (optional)"
          rows={3}
          value={note}
          onChange={setNote}
        />
        <Button disabled={triage.isPending}>Save</Button>
      </form>
    </Page>
  );
}
