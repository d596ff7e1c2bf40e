import { useEffect, useRef, useState } from 'react';
import { problemMessage, type Schemas } from '../api/client';
import { Button, ButtonGroup } from '../components/Button';
import { Radios } from '../components/Choices';
import { DateInput, emptyDate, toIsoDate } from '../components/DateInput';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { formatDate, formatZoned, zoneLabel } from '../time/formatZoned';
import type { CoveredSessionChoice } from '../availability/queries';
import { TIME_INPUT_CLASS } from './AvailabilityEditor';

type Exception = Schemas['AvailabilityExceptionView'];

/** What the form asks for: days off from one date to another, or one day's own hours. */
export type DaysOffRequest =
  | { kind: 'off'; from: string; to: string }
  | { kind: 'hours'; date: string; start: string; end: string };

/** A booked session inside the time off, as the 409 `time-off-covers-sessions` lists it. */
export interface CoveredSession {
  id: string;
  startsAt: { utc: string; timezone: string };
  volunteerFirstName: string | null;
}

/** The sessions a refusal lists when the time off covers booked ones; null for any other failure. */
export function coveredSessionsOf(error: unknown): CoveredSession[] | null {
  const problem =
    error && typeof error === 'object' && 'problem' in error
      ? (error as { problem: { type?: string; sessions?: unknown } }).problem
      : undefined;
  if (problem?.type !== '/problems/time-off-covers-sessions') return null;
  return Array.isArray(problem.sessions) ? (problem.sessions as CoveredSession[]) : [];
}

interface ExceptionsEditorProps {
  zone: string;
  exceptions: Exception[];
  /** Saves the request; `sessions` says what to do with booked sessions inside it. */
  save: (request: DaysOffRequest, sessions?: CoveredSessionChoice) => Promise<unknown>;
  remove: (id: string) => void;
}

/**
 * Days that differ from the week: time off over one date or several, or one day with its own
 * hours. When booked sessions lie inside, the service refuses; the page lists them (who, when)
 * and asks whether to cancel them (each volunteer is told by text) or keep them.
 */
export function ExceptionsEditor({ zone, exceptions, save, remove }: ExceptionsEditorProps) {
  const [kind, setKind] = useState('off');
  const [from, setFrom] = useState(emptyDate);
  const [to, setTo] = useState(emptyDate);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [covered, setCovered] = useState<{
    request: DaysOffRequest;
    sessions: CoveredSession[];
  } | null>(null);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (covered) question.current?.focus();
  }, [covered]);

  const send = async (request: DaysOffRequest, sessions?: CoveredSessionChoice) => {
    setBusy(true);
    setSaved(null);
    try {
      await save(request, sessions);
      setCovered(null);
      setErrors([]);
      setFrom(emptyDate);
      setTo(emptyDate);
      setSaved(savedMessage(request, sessions, covered?.sessions.length ?? 0));
    } catch (error) {
      const inside = coveredSessionsOf(error);
      if (inside && sessions === undefined) {
        setCovered({ request, sessions: inside });
      } else {
        setCovered(null);
        setErrors([{ href: 'exception-from-day', message: problemMessage(error) }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const first = toIsoDate(from);
    const last = kind === 'off' && (to.day || to.month || to.year) ? toIsoDate(to) : first;
    const found: FieldError[] = [];
    if (!first)
      found.push({
        href: 'exception-from-day',
        message: 'Enter a real date, for example 27 3 2027',
      });
    if (kind === 'off' && !last)
      found.push({ href: 'exception-to-day', message: 'Enter a real date, for example 29 3 2027' });
    if (first && last && last < first)
      found.push({
        href: 'exception-to-day',
        message: 'The last day off must be the same as the first day or after it',
      });
    if (kind === 'hours' && !(start < end))
      found.push({ href: 'exception-end', message: 'The hours must end after they start' });
    setErrors(found);
    setCovered(null);
    if (found.length > 0 || !first || !last) return;
    void send(
      kind === 'off'
        ? { kind: 'off', from: first, to: last }
        : { kind: 'hours', date: first, start, end },
    );
  };

  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
  const errorOf = (href: string) => errors.find((e) => e.href === href)?.message;
  return (
    <>
      <h2 className="govuk-heading-m">Time off and different hours</h2>
      {saved && (
        <div className="govuk-inset-text" role="status">
          {saved}
        </div>
      )}
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
                onClick={() => remove(x.id)}
              >
                Remove{' '}
                <span className="govuk-visually-hidden">the change on {formatDate(x.date)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {covered ? (
        <CoveredSessionsQuestion
          sessions={covered.sessions}
          headingRef={question}
          busy={busy}
          onChoose={(choice) => void send(covered.request, choice)}
        />
      ) : (
        <form noValidate onSubmit={submit}>
          <ErrorSummary errors={errors} />
          <Radios
            id="exception-kind"
            legend="What do you want to change?"
            small
            value={kind}
            onChange={setKind}
            choices={[
              { value: 'off', label: 'Time off: not available on one day or more' },
              { value: 'hours', label: `Different hours on one day (${zoneLabel(zone)})` },
            ]}
          />
          <DateInput
            id="exception-from"
            legend={kind === 'off' ? 'First day off' : 'Date'}
            error={errorOf('exception-from-day')}
            value={from}
            onChange={setFrom}
          />
          {kind === 'off' && (
            <DateInput
              id="exception-to"
              legend="Last day off"
              hint="Leave empty for one day. For example, 29 3 2027"
              error={errorOf('exception-to-day')}
              value={to}
              onChange={setTo}
            />
          )}
          {kind === 'hours' && (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 15px' }}>
              <div className="govuk-form-group">
                <label className="govuk-label" htmlFor="exception-start">
                  From
                </label>
                <input
                  id="exception-start"
                  className={TIME_INPUT_CLASS}
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
                  className={TIME_INPUT_CLASS}
                  type="time"
                  value={end}
                  onChange={(e) => setEnd(e.target.value)}
                />
              </div>
            </div>
          )}
          <Button variant="secondary" disabled={busy}>
            {kind === 'off' ? 'Add time off' : 'Add these hours'}
          </Button>
        </form>
      )}
    </>
  );
}

function CoveredSessionsQuestion({
  sessions,
  headingRef,
  busy,
  onChoose,
}: {
  sessions: CoveredSession[];
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  onChoose: (choice: CoveredSessionChoice) => void;
}) {
  const one = sessions.length === 1;
  return (
    <div className="govuk-inset-text">
      <h3 className="govuk-heading-s" tabIndex={-1} ref={headingRef}>
        {one
          ? 'You have a session booked in this time'
          : `You have ${sessions.length} sessions booked in this time`}
      </h3>
      <ul className="govuk-list govuk-list--bullet">
        {sessions.map((s) => (
          <li key={s.id}>
            {formatZoned(s.startsAt.utc, s.startsAt.timezone)}
            {s.volunteerFirstName ? ` with ${s.volunteerFirstName}` : ''}
          </li>
        ))}
      </ul>
      <p className="govuk-body">
        {one
          ? 'Cancel it and the volunteer gets a text saying so, and can choose another time. Keep it and it stays booked.'
          : 'Cancel them and each volunteer gets a text saying so, and can choose another time. Keep them and they stay booked.'}
      </p>
      <ButtonGroup>
        <Button type="button" variant="warning" disabled={busy} onClick={() => onChoose('cancel')}>
          {one
            ? 'Cancel this session (the volunteer is told)'
            : 'Cancel these sessions (each volunteer is told)'}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => onChoose('keep')}>
          {one ? 'Keep it' : 'Keep them'}
        </Button>
      </ButtonGroup>
    </div>
  );
}

function savedMessage(
  request: DaysOffRequest,
  sessions: CoveredSessionChoice | undefined,
  count: number,
): string {
  const what =
    request.kind === 'hours'
      ? `Your hours on ${formatDate(request.date)} are saved.`
      : request.from === request.to
        ? `Your time off on ${formatDate(request.from)} is saved.`
        : `Your time off from ${formatDate(request.from)} to ${formatDate(request.to)} is saved.`;
  if (sessions === 'cancel')
    return `${what} ${count === 1 ? 'The session is cancelled and the volunteer is told.' : `${count} sessions are cancelled and each volunteer is told.`}`;
  if (sessions === 'keep')
    return `${what} ${count === 1 ? 'The session stays booked.' : 'The sessions stay booked.'}`;
  return what;
}
