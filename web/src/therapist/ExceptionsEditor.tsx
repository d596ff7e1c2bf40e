import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { DateInput, emptyDate, toIsoDate } from '../components/DateInput';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { formatDate, zoneLabel } from '../time/formatZoned';

type Exception = Schemas['AvailabilityExceptionView'];

/** Days that differ from the week: off all day, or with their own hours. */
export function ExceptionsEditor({ zone, exceptions }: { zone: string; exceptions: Exception[] }) {
  const client = useQueryClient();
  const [date, setDate] = useState(emptyDate);
  const [kind, setKind] = useState('off');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const refresh = () => client.invalidateQueries({ queryKey: ['availability'] });
  const add = useMutation({
    mutationFn: async (body: Schemas['AvailabilityExceptionDto']) =>
      unwrap(await api.POST('/v1/me/availability/exceptions', { body })),
    onSuccess: () => {
      setDate(emptyDate);
      return refresh();
    },
    onError: (error) => setErrors([{ href: 'exception-date-day', message: problemMessage(error) }]),
  });
  const remove = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/v1/me/availability/exceptions/{id}', { params: { path: { id } } })),
    onSuccess: refresh,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const iso = toIsoDate(date);
    const found: FieldError[] = [];
    if (!iso)
      found.push({
        href: 'exception-date-day',
        message: 'Enter a real date, for example 27 3 2027',
      });
    if (kind === 'hours' && !(start < end))
      found.push({ href: 'exception-end', message: 'The hours must end after they start' });
    setErrors(found);
    if (found.length > 0 || !iso) return;
    add.mutate(
      kind === 'off' ? { date: iso, unavailable: true } : { date: iso, windows: [{ start, end }] },
    );
  };

  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <>
      <h2 className="govuk-heading-m">Days off and different hours</h2>
      {sorted.length === 0 ? (
        <p className="govuk-body">None. Every date follows your weekly hours.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {sorted.map((x) => (
            <li key={x.id}>
              <strong>{formatDate(x.date)}</strong>:{' '}
              {x.unavailable
                ? 'not available'
                : x.windows.map((w) => `${w.start} to ${w.end}`).join(', ')}{' '}
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                onClick={() => remove.mutate(x.id)}
              >
                Remove{' '}
                <span className="govuk-visually-hidden">the exception on {formatDate(x.date)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form noValidate onSubmit={submit}>
        <ErrorSummary errors={errors} />
        <DateInput
          id="exception-date"
          legend="Date"
          error={errors.find((e) => e.href === 'exception-date-day')?.message}
          value={date}
          onChange={setDate}
        />
        <Radios
          id="exception-kind"
          legend="On that day"
          small
          value={kind}
          onChange={setKind}
          choices={[
            { value: 'off', label: 'Not available all day' },
            { value: 'hours', label: `Different hours (${zoneLabel(zone)})` },
          ]}
        />
        {kind === 'hours' && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 15px' }}>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="exception-start">
                From
              </label>
              <input
                id="exception-start"
                className="govuk-input govuk-input--width-5"
                type="time"
                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
            </div>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="exception-end">
                To
              </label>
              <input
                id="exception-end"
                className="govuk-input govuk-input--width-5"
                type="time"
                value={end}
                onChange={(e) => setEnd(e.target.value)}
              />
            </div>
          </div>
        )}
        <Button variant="secondary" disabled={add.isPending}>
          Add this day
        </Button>
      </form>
    </>
  );
}
