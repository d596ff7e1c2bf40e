import type { ReactNode } from 'react';
import { describedBy, FormGroup } from './Field';

interface SelectProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  options: Array<{ value: string; label: string }>;
  /** The empty first choice, e.g. "Choose a country". */
  placeholder?: string;
  onChange: (value: string) => void;
}

/** A labelled native select: one choice from a list too long for radios. */
export function Select({
  id,
  label,
  hint,
  error,
  value,
  options,
  placeholder = 'Choose one',
  onChange,
}: SelectProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
