import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary } from '../components/ErrorSummary';
import { LoadError, Loading } from '../components/Status';
import { zoneLabel } from '../time/formatZoned';
import { groupSlotsByDay } from './slotGroups';
import { ShowTimesIn } from '../components/ShowTimesIn';

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
  /** The dates the person asked for (ISO instants): no time outside them is offered. */
  window?: { notBefore: string; notAfter: string };
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

/** Four weeks from now, or the part of the person's own dates that is still ahead. */
function searchRange(window: Props['window'], now: number): { from: string; to: string } {
  const soon = now + 60_000;
  const from = Math.max(soon, window ? Date.parse(window.notBefore) : soon);
  const to = Math.min(from + 28 * DAY_MS, window ? Date.parse(window.notAfter) : Infinity);
  return { from: new Date(from).toISOString(), to: new Date(Math.max(from, to)).toISOString() };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * Free times, a day first (only days with free times), then the times of that day, as radios: a
 * phone shows one short list at a time rather than every time of four weeks. The zone is shown,
 * and chosen where it may be.
 */
export function SlotPicker({ source, submitLabel, busy, error, onPick, window }: Props) {
  const [chosenZone, setZone] = useState('defaultZone' in source ? source.defaultZone : undefined);
  const [day, setDay] = useState('');
  const [dayChosen, setDayChosen] = useState(false);
  const [picked, setPicked] = useState('');
  const [missing, setMissing] = useState(false);
  // One "now" per visit keeps the query's key stable; the window may arrive after the first render.
  const [now] = useState(() => Date.now());
  const { from, to } = useMemo(() => searchRange(window, now), [window, now]);
  const slots = useQuery<SlotList>({
    queryKey: ['slots', source, chosenZone, from, to],
    queryFn: () => load(source, from, to, chosenZone),
  });
  const zone = chosenZone ?? slots.data?.timezone ?? 'UTC';
  const days = slots.data ? groupSlotsByDay(slots.data.slots, zone) : [];
  const shown = dayChosen ? days.find((d) => d.date === day) : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!shown) {
      setMissing(!day);
      if (day) {
        setDayChosen(true);
        setPicked('');
      }
      return;
    }
    setMissing(!picked);
    if (picked) onPick(picked);
  }

  function changeZone(next: string) {
    setZone(next);
    setDay('');
    setDayChosen(false);
    setPicked('');
  }

  const errors = [
    ...(missing
      ? shown
        ? [{ href: 'slot-time', message: 'Select a time' }]
        : [{ href: 'slot-day', message: 'Select a day' }]
      : []),
    ...(error ? [{ href: '', message: error }] : []),
  ];
  const minutes = slots.data?.sessionMinutes;
  return (
    <>
      <ErrorSummary errors={errors} />
      {chosenZone && !shown && <ShowTimesIn value={chosenZone} onChange={changeZone} />}
      {slots.isPending && <Loading />}
      {slots.error && <LoadError error={slots.error} />}
      {slots.data && days.length === 0 && (
        <p className="govuk-body">
          {window
            ? 'No free times in the dates you gave. Go back to choose someone else, or ask again with other dates.'
            : 'No free times in the next four weeks.'}
        </p>
      )}
      {days.length > 0 && (
        <form onSubmit={submit} noValidate>
          <p className="govuk-body">
            Times are in {zoneLabel(zone)}.{minutes ? ` Each lasts ${minutes} minutes.` : ''}
          </p>
          {!shown && (
            <Radios
              id="slot-day"
              legend="Which day?"
              value={day}
              onChange={setDay}
              error={missing ? 'Select a day' : undefined}
              choices={days.map((d) => ({
                value: d.date,
                label: d.heading,
                hint: plural(d.slots.length, 'free time'),
              }))}
            />
          )}
          {shown && (
            <>
              <Radios
                id="slot-time"
                legend={`Which time on ${shown.heading}?`}
                value={picked}
                onChange={setPicked}
                error={missing ? 'Select a time' : undefined}
                choices={shown.slots.map((s) => ({ value: s.startsAt, label: s.label }))}
              />
              <p className="govuk-body">
                <button
                  type="button"
                  className="app-link-button"
                  onClick={() => {
                    setDayChosen(false);
                    setMissing(false);
                  }}
                >
                  Choose another day
                </button>
              </p>
            </>
          )}
          <Button disabled={busy}>{shown ? submitLabel : 'Continue'}</Button>
        </form>
      )}
    </>
  );
}
