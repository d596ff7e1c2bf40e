import { useState } from 'react';
import { problemMessage } from '../api/client';
import { Button } from '../components/Button';
import { Success } from '../components/Status';
import { Textarea } from '../components/TextInput';
import { useSessionGrant } from './queries';

/** Allows a volunteer one further session, with the reason recorded in the audit trail. */
export function SessionGrant({ volunteerId }: { volunteerId: string }) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const grant = useSessionGrant(volunteerId);
  const error = missing
    ? 'Say why they need another session'
    : grant.error
      ? problemMessage(grant.error)
      : undefined;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!reason.trim());
        if (reason.trim()) grant.mutate(reason.trim());
      }}
    >
      <h2 className="govuk-heading-m">Allow another session</h2>
      {grant.isSuccess && <Success>They can now book one more session.</Success>}
      <Textarea
        id="grant-reason"
        label="Why do they need another session?"
        hint="Recorded in the audit trail."
        rows={3}
        error={error}
        value={reason}
        onChange={setReason}
      />
      <Button variant="secondary" disabled={grant.isPending}>
        Allow another session
      </Button>
    </form>
  );
}
