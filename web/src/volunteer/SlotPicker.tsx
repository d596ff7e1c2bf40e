import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadError, Loading } from '../components/Status';
import { zoneLabel } from '../time/formatZoned';
import { groupSlotsByDay } from './slotGroups';
import { ZoneSelect } from './ZoneSelect';

const DAY_MS = 86_400_000;

/** Free times as the API gives them: each start in UTC, and the zone their `local` times are in. */
export interface SlotList {
  timezone: string;
  sessionMinutes?: number;
  slots: { startsAt: { utc: string } }[];
}

/**
 * Where the times come from: a therapist's slots in a zone the person picks (signed in), or a
 * signed link's slots in the link person's own zone.
 */
export type SlotSource = { therapistId: string; defaultZone: string } | { linkCode: string };

interface Props {
  source: SlotSource;
  submitLabel: string;
  busy: boolean;
  error?: string;
  onPick: (startsAt: string) => void;
}

async function load(source: SlotSource, from: string, to: string, zone: string | undefined) {
  if ('linkCode' in source) {
    return unwrap(
      await api.GET('/v1/links/{code}/slots', {
        params: { path: { code: source.linkCode }, query: { from, to } },
      }),
    );
  }
  return unwrap(
    await api.GET('/v1/therapists/{id}/slots', {
      params: { path: { id: source.therapistId }, query: { from, to, tz: zone } },
    }),
  );
}

/** Free times for the next four weeks, by day, as radios; the zone is shown, and chosen where it may be. */
export function SlotPicker({ source, submitLabel, busy, error, onPick }: Props) {
  const [chosenZone, setZone] = useState('defaultZone' in source ? source.defaultZone : undefined);
  const [picked, setPicked] = useState('');
  const [missing, setMissing] = useState(false);
  const [from] = useState(() => new Date(Date.now() + 60_000).toISOString());
  const to = new Date(Date.parse(from) + 28 * DAY_MS).toISOString();
  const slots = useQuery<SlotList>({
    queryKey: ['slots', source, chosenZone, from],
    queryFn: () => load(source, from, to, chosenZone),
  });
  const zone = chosenZone ?? slots.data?.timezone ?? 'UTC';
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
  const minutes = slots.data?.sessionMinutes;
  return (
    <>
      <ErrorSummary errors={errors} />
      {chosenZone && <ZoneSelect value={chosenZone} onChange={setZone} />}
      {slots.isPending && <Loading />}
      {slots.error && <LoadError error={slots.error} />}
      {slots.data && days.length === 0 && (
        <p className="govuk-body">No free times in the next four weeks.</p>
      )}
      {days.length > 0 && (
        <form onSubmit={submit} noValidate>
          <p className="govuk-body">
            Times are in {zoneLabel(zone)}.{minutes ? ` Each lasts ${minutes} minutes.` : ''}
          </p>
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
          <Button disabled={busy}>{submitLabel}</Button>
        </form>
      )}
    </>
  );
}
