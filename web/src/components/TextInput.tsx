import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, FormGroup } from './Field';

interface TextInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  widthClass?: string;
}

/** A labelled text input; paste and password managers always work (no blocking, real autocomplete). */
export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  widthClass = '',
  type = 'text',
  ...rest
}: TextInputProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        type={type}
        className={`govuk-input ${widthClass}${error ? ' govuk-input--error' : ''}`}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        {...rest}
      />
    </FormGroup>
  );
}

interface TextareaProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  value: string;
  rows?: number;
  onChange: (value: string) => void;
}

export function Textarea({ id, label, hint, error, value, rows = 5, onChange }: TextareaProps) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        rows={rows}
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormGroup>
  );
}
