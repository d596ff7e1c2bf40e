import type { FormEvent, ReactNode } from 'react';
import { Link } from '../app/router';
import { Button } from '../components/Button';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';

/** The frame of each "change your …" page: error summary, the fields, Save and Cancel. */
export function AccountForm({
  title,
  errors,
  busy,
  onSubmit,
  children,
}: {
  title: string;
  errors: FieldError[];
  busy: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Page title={title} back="/account" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <form onSubmit={submit} noValidate>
        {children}
        <div className="govuk-button-group">
          <Button disabled={busy}>Save</Button>
          <Link to="/account" className="govuk-link">
            Cancel
          </Link>
        </div>
      </form>
    </Page>
  );
}

/** The message for one field, from the page's list of errors. */
export const errorFor = (errors: FieldError[], id: string) =>
  errors.find((e) => e.href === id)?.message;
