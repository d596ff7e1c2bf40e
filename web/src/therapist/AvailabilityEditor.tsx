import { useState } from 'react';
import type { Schemas } from '../api/client';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { placeName } from '../time/zones';
import { zoneLabel } from '../time/formatZoned';

type Window = Schemas['WeeklyWindowDto'];

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

interface Draft {
  key: number;
  weekday: number;
  start: string;
  end: string;
}

/** One window's inputs side by side, wrapping on a 360 px screen. */
/**
 * A time box wide enough for the whole value in a 12-hour browser ("05:00 PM" and the clock
 * button), at 360 px too: GOV.UK's width-5 cut the AM/PM off.
 */
export const TIME_INPUT_CLASS = 'govuk-input govuk-input--width-10';

const ROW = { display: 'flex', flexWrap: 'wrap', gap: '0 15px', alignItems: 'flex-end' } as const;

let nextKey = 1;
const toDraft = (w: Window): Draft => ({ key: nextKey++, ...w });

export const windowId = (weekday: number, index: number, part: 'start' | 'end') =>
  `day-${weekday}-window-${index + 1}-${part}`;

/**
 * What is wrong with the drafts, each linked to the input to fix: missing times, an end not after
 * its start, and windows of one day that overlap.
 */
export function validateWindows(windows: Omit<Draft, 'key'>[]): FieldError[] {
  const errors: FieldError[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const day = windows.filter((w) => w.weekday === weekday);
    const name = WEEKDAYS[weekday - 1];
    day.forEach((w, i) => {
      if (!/^\d\d:\d\d$/.test(w.start)) {
        errors.push({
          href: windowId(weekday, i, 'start'),
          message: `Enter a start time for ${name} window ${i + 1}`,
        });
      } else if (!/^\d\d:\d\d$/.test(w.end)) {
        errors.push({
          href: windowId(weekday, i, 'end'),
          message: `Enter an end time for ${name} window ${i + 1}`,
        });
      } else if (w.end <= w.start) {
        errors.push({
          href: windowId(weekday, i, 'end'),
          message: `${name} window ${i + 1} must end after it starts`,
        });
      }
    });
    const sorted = day
      .map((w, i) => ({ ...w, i }))
      .filter((w) => w.start < w.end)
      .sort((a, b) => a.start.localeCompare(b.start));
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k].start < sorted[k - 1].end) {
        errors.push({
          href: windowId(weekday, sorted[k].i, 'start'),
          message: `${name} windows ${sorted[k - 1].i + 1} and ${sorted[k].i + 1} overlap`,
        });
      }
    }
  }
  return errors;
}

interface Props {
  timezone: string;
  weekly: Window[];
  onSave: (body: Schemas['PutAvailabilityDto']) => Promise<unknown>;
  /** Errors from the server, shown in the same summary. */
  serverErrors?: FieldError[];
}

/**
 * The weekly hours, one fieldset per day, every time on the wall clock of `timezone`. Plain time
 * inputs and buttons, so it works by keyboard alone; nothing is sent until "Save".
 */
export function AvailabilityEditor({ timezone, weekly, onSave, serverErrors = [] }: Props) {
  const [drafts, setDrafts] = useState<Draft[]>(() => weekly.map(toDraft));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);

  const update = (key: number, change: Partial<Draft>) =>
    setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...change } : d)));
  const add = (weekday: number) =>
    setDrafts((all) => [...all, toDraft({ weekday, start: '09:00', end: '17:00' })]);
  const remove = (key: number) => setDrafts((all) => all.filter((d) => d.key !== key));

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateWindows(drafts);
    setErrors(found);
    if (found.length > 0) return;
    setSaving(true);
    try {
      const ordered = [...drafts].sort(
        (a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start),
      );
      await onSave({
        timezone,
        weekly: ordered.map(({ weekday, start, end }) => ({ weekday, start, end })),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <ErrorSummary errors={[...errors, ...serverErrors]} />
      <p className="govuk-body">
        All times are in {zoneLabel(timezone)} ({placeName(timezone)}).
      </p>
      {WEEKDAYS.map((name, d) => {
        const weekday = d + 1;
        const day = drafts.filter((w) => w.weekday === weekday);
        return (
          <fieldset className="govuk-fieldset app-day" key={name}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{name}</legend>
            {day.length === 0 && <p className="govuk-body govuk-hint">Not available</p>}
            {day.map((w, i) => {
              const err = (part: 'start' | 'end') =>
                errors.some((e) => e.href === windowId(weekday, i, part));
              return (
                <div className="app-window" style={ROW} key={w.key}>
                  {(['start', 'end'] as const).map((part) => (
                    <div
                      key={part}
                      className={`govuk-form-group app-window__time${err(part) ? ' govuk-form-group--error' : ''}`}
                    >
                      <label className="govuk-label" htmlFor={windowId(weekday, i, part)}>
                        {part === 'start' ? 'From' : 'To'}
                        <span className="govuk-visually-hidden">
                          {` (${name} window ${i + 1})`}
                        </span>
                      </label>
                      <input
                        className={`${TIME_INPUT_CLASS}${err(part) ? ' govuk-input--error' : ''}`}
                        id={windowId(weekday, i, part)}
                        type="time"
                        step={300}
                        value={w[part]}
                        onChange={(e) => update(w.key, { [part]: e.target.value })}
                      />
                    </div>
                  ))}
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary app-window__remove"
                    onClick={() => remove(w.key)}
                  >
                    Remove{' '}
                    <span className="govuk-visually-hidden">{`${name} window ${i + 1}`}</span>
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => add(weekday)}
            >
              Add hours <span className="govuk-visually-hidden">on {name}</span>
            </button>
          </fieldset>
        );
      })}
      <Button disabled={saving}>{saving ? 'Saving…' : 'Save weekly hours'}</Button>
    </form>
  );
}
