import type { ReactNode } from 'react';
import { problemMessage } from '../api/client';

/** What a page shows while its data loads, or when loading failed. */
export function Loading() {
  return (
    <p className="govuk-body" role="status">
      Loading…
    </p>
  );
}

export function LoadError({ error }: { error: unknown }) {
  return (
    <div className="govuk-error-summary" role="alert">
      <h2 className="govuk-error-summary__title">Sorry, this could not be loaded</h2>
      <p className="govuk-body">{problemMessage(error)}</p>
    </div>
  );
}

/** A green confirmation banner after something succeeded. */
export function Success({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title">Success</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

export function Tag({ children, colour }: { children: ReactNode; colour?: string }) {
  return (
    <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>
  );
}
