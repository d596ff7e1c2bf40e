import type { ReactNode } from 'react';
import { problemError } from '../api/client';
import { Link } from '../app/router';
import { Button, ButtonGroup } from './Button';
import { ErrorSummary } from './ErrorSummary';
import { Page } from './Page';

interface ConfirmCancelProps {
  title: string;
  /** Where "No, keep it" and Back go: the page of the thing being cancelled. */
  back: string;
  /** The service's refusal of the last try, if any. */
  error: unknown;
  busy: boolean;
  onConfirm: () => void;
  children: ReactNode;
  /** A question to answer before confirming (e.g. a reason), shown under the words. */
  field?: ReactNode;
  /** Errors found before sending (each links to its field); the service's refusal is `error`. */
  fieldErrors?: Array<{ href: string; message: string }>;
  /** Default "Yes, cancel it" / "No, keep it". */
  confirmLabel?: string;
  keepLabel?: string;
}

/** The second tap before cancelling anything: what will happen, "Yes, cancel it" or keep it. */
export function ConfirmCancel({
  title,
  back,
  error,
  busy,
  onConfirm,
  children,
  field,
  fieldErrors = [],
  confirmLabel = 'Yes, cancel it',
  keepLabel = 'No, keep it',
}: ConfirmCancelProps) {
  return (
    <Page title={title} back={back} hasError={!!error || fieldErrors.length > 0}>
      {error || fieldErrors.length > 0 ? (
        <ErrorSummary errors={[...fieldErrors, ...(error ? [problemError(error)] : [])]} />
      ) : null}
      <p className="govuk-body">{children}</p>
      {field}
      <ButtonGroup>
        <Button type="button" variant="warning" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Link to={back}>{keepLabel}</Link>
      </ButtonGroup>
    </Page>
  );
}
