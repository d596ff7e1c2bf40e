import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, Hint } from './Field';

/** Day, month and year as typed; `toIsoDate` turns them into "2026-12-03" or null. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDate: DateParts = { day: '', month: '', year: '' };

export function toIsoDate({ day, month, year }: DateParts): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || y < 1900) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

export function fromIsoDate(iso: string | null | undefined): DateParts {
  if (!iso) return emptyDate;
  const [year, month, day] = iso.slice(0, 10).split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}

interface DateInputProps {
  /** The day input's id is `${id}-day`; link error summaries there. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
}

/** The GOV.UK date input: three text boxes, numeric keyboard, no date picker. */
export function DateInput({
  id,
  legend,
  hint = 'For example, 27 3 2026',
  error,
  value,
  onChange,
}: DateInputProps) {
  const part = (name: keyof DateParts, label: string, width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${name}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input ${width}${error ? ' govuk-input--error' : ''}`}
          id={`${id}-${name}`}
          name={`${id}-${name}`}
          type="text"
          inputMode="numeric"
          value={value[name]}
          onChange={(e) => onChange({ ...value, [name]: e.target.value.trim() })}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset
        className="govuk-fieldset"
        role="group"
        aria-describedby={describedBy(id, hint, error)}
      >
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        <div className="govuk-date-input" id={id}>
          {part('day', 'Day', 'govuk-input--width-2')}
          {part('month', 'Month', 'govuk-input--width-2')}
          {part('year', 'Year', 'govuk-input--width-4')}
        </div>
      </fieldset>
    </div>
  );
}
