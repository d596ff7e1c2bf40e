import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from '../app/router';

/** Tab names stay neutral: a shoulder-surfer sees only "Your account – Volunteer Wellbeing Service". */
export const SERVICE_NAME = 'Volunteer Wellbeing Service';

interface PageProps {
  /** The h1 and the tab title; keep it neutral (no "therapy", "trauma", "counselling"). */
  title: string;
  /** Prefix the tab title with "Error: " while the page shows an error summary. */
  hasError?: boolean;
  back?: string;
  /** A step back inside the page (the previous question) instead of the `back` link. */
  onBack?: () => void;
  caption?: string;
  children: ReactNode;
}

/** One page: sets the tab title and moves focus to the heading, so screen readers hear each step. */
export function Page({ title, hasError = false, back, onBack, caption, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${hasError ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
  }, [title, hasError]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      {onBack ? (
        <button type="button" className="govuk-back-link app-back-button" onClick={onBack}>
          Back
        </button>
      ) : (
        back && (
          <Link to={back} className="govuk-back-link">
            Back
          </Link>
        )
      )}
      <main className="govuk-main-wrapper" id="main-content" role="main">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds-from-desktop">
            {caption && <span className="govuk-caption-l">{caption}</span>}
            <h1 className="govuk-heading-l" tabIndex={-1} ref={heading}>
              {title}
            </h1>
            {children}
          </div>
        </div>
      </main>
    </>
  );
}
