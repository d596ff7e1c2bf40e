import { useEffect, useRef } from 'react';
import { Link } from '../app/router';

export interface FieldError {
  /** id of the input (or first input of a group) the message belongs to, or a page (`/account`) */
  href: string;
  message: string;
}

/** The GOV.UK error summary: focused when it appears, each message links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.message).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.href + e.message}>
                {e.href.startsWith('/') ? (
                  <Link to={e.href}>{e.message}</Link>
                ) : e.href ? (
                  <a href={`#${e.href}`}>{e.message}</a>
                ) : (
                  e.message
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
