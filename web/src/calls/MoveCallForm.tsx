import { useState, type FormEvent } from 'react';
import { Button } from '../components/Button';
import { DateInput, emptyDate, toIsoDate, type DateParts } from '../components/DateInput';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { TextInput } from '../components/TextInput';
import { zoneLabel } from '../time/formatZoned';
import { parseClock, zonedInstant } from '../time/zonedInstant';

interface MoveCallFormProps {
  /** The zone the day and time are typed in: the person's own. */
  zone: string;
  busy: boolean;
  /** The service's answer to the last try, if it refused. */
  error?: string;
  onMove: (startsAt: string) => void;
}

/**
 * A call can move to any time still to come (a buddy's calls have no slots): a day and a time,
 * typed on the person's own clock, with the zone said next to them.
 */
export function MoveCallForm({ zone, busy, error, onMove }: MoveCallFormProps) {
  const [day, setDay] = useState<DateParts>(emptyDate);
  const [clock, setClock] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const label = zoneLabel(zone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const date = toIsoDate(day);
    const time = parseClock(clock);
    const found: FieldError[] = [];
    if (!date) found.push({ href: 'new-day-day', message: 'Enter a real day, like 27 3 2027' });
    if (!time) found.push({ href: 'new-time', message: 'Enter a time like 18:30' });
    const startsAt = date && time ? zonedInstant(date, time, zone) : null;
    if (date && time && !startsAt) {
      found.push({
        href: 'new-time',
        message: `The clocks change then, so ${time} does not happen that day in ${label}: choose another time`,
      });
    }
    if (startsAt && Date.parse(startsAt) <= Date.now()) {
      found.push({ href: 'new-day-day', message: 'Choose a time that is still to come' });
    }
    setErrors(found);
    if (found.length === 0 && startsAt) onMove(startsAt);
  };
  const shown = errors.length ? errors : error ? [{ href: '', message: error }] : [];
  const about = (href: string) => errors.find((e) => e.href === href)?.message;

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={shown} />
      <DateInput
        id="new-day"
        legend="New day"
        value={day}
        onChange={setDay}
        error={about('new-day-day')}
      />
      <TextInput
        id="new-time"
        label={`New time (${label})`}
        hint="24-hour clock, for example 18:30"
        widthClass="govuk-input--width-5"
        inputMode="numeric"
        autoComplete="off"
        value={clock}
        onChange={setClock}
        error={about('new-time')}
      />
      <Button type="submit" disabled={busy}>
        Move the call
      </Button>
    </form>
  );
}
