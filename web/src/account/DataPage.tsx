import { useState, type FormEvent } from 'react';
import { forget } from '../api/auth';
import { api, download, problemError } from '../api/client';
import { queryClient } from '../app/query';
import { navigate } from '../app/router';
import { Button } from '../components/Button';
import { Checkboxes } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';

export function DataPage() {
  const [confirm, setConfirm] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function exportData() {
    setErrors([]);
    try {
      await download('/v1/me/export', 'my-data.json');
    } catch (error) {
      setErrors([problemError(error)]);
    }
  }

  async function erase(event: FormEvent) {
    event.preventDefault();
    if (!confirm.includes('yes')) {
      setErrors([
        { href: 'confirm', message: 'Tick the box to confirm you want to delete your account' },
      ]);
      return;
    }
    setBusy(true);
    const { error } = await api.POST('/v1/me/erasure');
    setBusy(false);
    if (error) return setErrors([problemError(error)]);
    queryClient.clear();
    forget();
    navigate('/sign-in?erased=1', { replace: true });
  }

  return (
    <Page title="Download or delete your data" back="/account" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h2 className="govuk-heading-m">Download your data</h2>
      <p className="govuk-body">One file with everything we hold about you, as JSON.</p>
      <Button type="button" variant="secondary" onClick={() => void exportData()}>
        Download your data
      </Button>
      <h2 className="govuk-heading-m">Delete your account</h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          This cannot be undone. Your future sessions and calls are cancelled, your details are
          removed and you are signed out. Records we must keep (what you agreed to, safeguarding
          reports) stay, without your name.
        </strong>
      </div>
      <form onSubmit={(e) => void erase(e)} noValidate>
        <Checkboxes
          id="confirm"
          legend="Confirm"
          values={confirm}
          onChange={setConfirm}
          error={errors.find((e) => e.href === 'confirm')?.message}
          choices={[{ value: 'yes', label: 'I understand: delete my account and my data now' }]}
        />
        <Button variant="warning" disabled={busy}>
          Delete my account
        </Button>
      </form>
    </Page>
  );
}
