import type { ReactNode } from 'react';
import { Link } from '../app/router';

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A "Change" link for check-your-answers pages. */
  change?: { to: string; label: string };
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
              <Link to={row.change.to}>
                Change<span className="govuk-visually-hidden"> {row.change.label}</span>
              </Link>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
