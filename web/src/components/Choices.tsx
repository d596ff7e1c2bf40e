import type { ReactNode } from 'react';
import { describedBy, ErrorMessage, Hint } from './Field';

export interface Choice {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

interface GroupProps {
  /** Used as the group name and the first input's id (`${id}`), so an error summary can link to it. */
  id: string;
  legend: ReactNode;
  /** On a one-question page the h1 already asks the question: the legend is for screen readers. */
  legendHidden?: boolean;
  hint?: ReactNode;
  error?: string;
  choices: Choice[];
  small?: boolean;
  inline?: boolean;
}

function Fieldset({
  id,
  legend,
  legendHidden,
  hint,
  error,
  children,
}: Omit<GroupProps, 'choices'> & { children: ReactNode }) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend
          className={`govuk-fieldset__legend ${legendHidden ? 'govuk-visually-hidden' : 'govuk-fieldset__legend--m'}`}
        >
          {legend}
        </legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        {children}
      </fieldset>
    </div>
  );
}

const inputId = (id: string, index: number) => (index === 0 ? id : `${id}-${index + 1}`);

/** GOV.UK radios: one choice. Slots are radios too (grouped by day by the caller). */
export function Radios(props: GroupProps & { value: string; onChange: (value: string) => void }) {
  const { id, choices, value, onChange, small, inline } = props;
  return (
    <Fieldset {...props}>
      <div
        className={`govuk-radios${small ? ' govuk-radios--small' : ''}${inline ? ' govuk-radios--inline' : ''}`}
      >
        {choices.map((choice, i) => (
          <div className="govuk-radios__item" key={choice.value}>
            <input
              className="govuk-radios__input"
              id={inputId(id, i)}
              name={id}
              type="radio"
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
              aria-describedby={choice.hint ? `${inputId(id, i)}-item-hint` : undefined}
            />
            <label className="govuk-label govuk-radios__label" htmlFor={inputId(id, i)}>
              {choice.label}
            </label>
            {choice.hint && (
              <div id={`${inputId(id, i)}-item-hint`} className="govuk-hint govuk-radios__hint">
                {choice.hint}
              </div>
            )}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/** GOV.UK checkboxes: any number of choices. */
export function Checkboxes(
  props: GroupProps & { values: string[]; onChange: (values: string[]) => void },
) {
  const { id, choices, values, onChange, small } = props;
  const toggle = (v: string) =>
    onChange(values.includes(v) ? values.filter((x) => x !== v) : [...values, v]);
  return (
    <Fieldset {...props}>
      <div className={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
        {choices.map((choice, i) => (
          <div className="govuk-checkboxes__item" key={choice.value}>
            <input
              className="govuk-checkboxes__input"
              id={inputId(id, i)}
              name={id}
              type="checkbox"
              value={choice.value}
              checked={values.includes(choice.value)}
              onChange={() => toggle(choice.value)}
              aria-describedby={choice.hint ? `${inputId(id, i)}-item-hint` : undefined}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor={inputId(id, i)}>
              {choice.label}
            </label>
            {choice.hint && (
              <div id={`${inputId(id, i)}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                {choice.hint}
              </div>
            )}
          </div>
        ))}
      </div>
    </Fieldset>
  );
}
