import type { ReactNode } from 'react';
import { Link } from '../app/router';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /**
   * A "Change" link for check-your-answers pages: to another page (`to`), or to a question of
   * the same page (`onClick`, shown as a link).
   */
  change?: { label: string } & ({ to: string } | { onClick: () => void });
}

/** Check-your-answers and any key/value read-out. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change && (
            <dd className="govuk-summary-list__actions">
              {'to' in row.change ? (
                <Link to={row.change.to}>
                  Change<span className="govuk-visually-hidden"> {row.change.label}</span>
                </Link>
              ) : (
                <button type="button" className="app-link-button" onClick={row.change.onClick}>
                  Change<span className="govuk-visually-hidden"> {row.change.label}</span>
                </button>
              )}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
