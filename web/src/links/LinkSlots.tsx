import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadError, Loading } from '../components/Status';
import { zoneLabel } from '../time/formatZoned';
import { groupSlotsByDay } from '../volunteer/slotGroups';

const DAY_MS = 86_400_000;

interface Props {
  code: string;
  busy: boolean;
  error?: string;
  onPick: (startsAt: string) => void;
}

/** The session's free times for the next four weeks, in the person's own zone, by day, as radios. */
export function LinkSlots({ code, busy, error, onPick }: Props) {
  const [picked, setPicked] = useState('');
  const [missing, setMissing] = useState(false);
  const [from] = useState(() => new Date(Date.now() + 60_000).toISOString());
  const to = new Date(Date.parse(from) + 28 * DAY_MS).toISOString();
  const slots = useQuery({
    queryKey: ['link-slots', code, from],
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/links/{code}/slots', {
          params: { path: { code }, query: { from, to } },
        }),
      ),
  });
  const zone = slots.data?.timezone ?? 'UTC';
  const days = slots.data ? groupSlotsByDay(slots.data.slots, zone) : [];
  const firstId = (date: string) => `slot-${date}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!picked);
    if (picked) onPick(picked);
  }

  const errors = [
    ...(missing ? [{ href: days[0] ? firstId(days[0].date) : '', message: 'Select a time' }] : []),
    ...(error ? [{ href: '', message: error }] : []),
  ];
  return (
    <>
      <ErrorSummary errors={errors} />
      {slots.isPending && <Loading />}
      {slots.error && <LoadError error={slots.error} />}
      {slots.data && days.length === 0 && (
        <p className="govuk-body">No free times in the next four weeks.</p>
      )}
      {days.length > 0 && (
        <form onSubmit={submit} noValidate>
          <p className="govuk-body">Times are in {zoneLabel(zone)}.</p>
          {days.map((day) => (
            <div className="app-slot-day" key={day.date}>
              <Radios
                id={firstId(day.date)}
                legend={day.heading}
                small
                value={picked}
                onChange={setPicked}
                choices={day.slots.map((s) => ({ value: s.startsAt, label: s.label }))}
              />
            </div>
          ))}
          <Button disabled={busy}>Move to this time</Button>
        </form>
      )}
    </>
  );
}
