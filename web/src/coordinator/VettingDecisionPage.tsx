import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, problemMessage, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { useParams } from '../app/router';
import { Button } from '../components/Button';
import { DateInput, emptyDate, toIsoDate } from '../components/DateInput';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { Textarea } from '../components/TextInput';
import { useMe } from '../account/useMe';
import { PersonSummary } from './PersonSummary';
import { registerSearch } from './registerSearch';

/**
 * One person's checks: what they gave (with a search of their body's public register), the
 * history, and verify (with evidence and expiry), reject an application with a reason the
 * applicant is shown, or suspend.
 */
export function VettingDecisionPage() {
  const { userId } = useParams();
  const me = useMe();
  const client = useQueryClient();
  const person = useQuery({
    queryKey: ['person', userId],
    queryFn: async () =>
      unwrap(await api.GET('/v1/people/{userId}', { params: { path: { userId } } })),
  });
  const [evidence, setEvidence] = useState('');
  const [expires, setExpires] = useState(emptyDate);
  const [reason, setReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState('');
  const after = (message: string) => async () => {
    setDone(message);
    setErrors([]);
    await client.invalidateQueries({ queryKey: ['person', userId] });
    await client.invalidateQueries({ queryKey: ['vetting'] });
  };
  const failed = (href: string) => (error: unknown) =>
    setErrors([{ href, message: problemMessage(error) }]);
  const verify = useMutation({
    mutationFn: async (body: Schemas['VerifyInput']) =>
      unwrap(await api.POST('/v1/vetting/{userId}/verify', { params: { path: { userId } }, body })),
    onSuccess: after('Verified. They can now be matched.'),
    onError: failed('evidence'),
  });
  const suspend = useMutation({
    mutationFn: async (body: Schemas['SuspendInput']) =>
      unwrap(
        await api.POST('/v1/vetting/{userId}/suspend', { params: { path: { userId } }, body }),
      ),
    onSuccess: after('Suspended. Nobody can be matched with them.'),
    onError: failed('suspend-reason'),
  });
  const reject = useMutation({
    mutationFn: async (body: Schemas['RejectInput']) =>
      unwrap(await api.POST('/v1/vetting/{userId}/reject', { params: { path: { userId } }, body })),
    onSuccess: after('Rejected. They will see your reason and can correct their details.'),
    onError: failed('reject-reason'),
  });
  const title = 'Checks';
  if (person.error || me.error)
    return (
      <Page title={title} back="/coordinator/vetting">
        <LoadError error={person.error ?? me.error} />
      </Page>
    );
  if (!person.data || !me.data)
    return (
      <Page title={title} back="/coordinator/vetting">
        <Loading />
      </Page>
    );
  const p = person.data;

  const submitVerify = (event: React.FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    const expiresOn = toIsoDate(expires);
    const blank = !expires.day && !expires.month && !expires.year;
    if (!evidence.trim()) found.push({ href: 'evidence', message: 'Say what you checked' });
    if (!blank && !expiresOn)
      found.push({ href: 'expires-day', message: 'Enter a real expiry date, or leave it blank' });
    setErrors(found);
    if (found.length === 0)
      verify.mutate({ evidence: evidence.trim(), ...(expiresOn ? { expiresOn } : {}) });
  };
  const submitSuspend = (event: React.FormEvent) => {
    event.preventDefault();
    if (!reason.trim())
      return setErrors([{ href: 'suspend-reason', message: 'Say why you are suspending them' }]);
    setErrors([]);
    suspend.mutate({ reason: reason.trim() });
  };
  const submitReject = (event: React.FormEvent) => {
    event.preventDefault();
    if (!rejectReason.trim())
      return setErrors([
        { href: 'reject-reason', message: 'Say why, in words they will understand' },
      ]);
    setErrors([]);
    reject.mutate({ reason: rejectReason.trim() });
  };
  const profile = p.profile && 'membershipNumber' in p.profile ? p.profile : null;
  const register = registerSearch(profile?.membershipBody, profile?.membershipNumber, p.name);
  const err = (href: string) => errors.find((e) => e.href === href)?.message;
  return (
    <Page title={title} caption={p.name} back="/coordinator/vetting" hasError={errors.length > 0}>
      <ErrorSummary errors={errors} />
      {done && <Success>{done}</Success>}
      <PersonSummary person={p} zone={me.data.timezone} />
      {register && (
        <p className="govuk-body">
          <a className="govuk-link" href={register.href} target="_blank" rel="noreferrer noopener">
            {register.label} (opens in a new tab)
          </a>
          . {register.hint}
        </p>
      )}
      {p.vettingStatus !== 'verified' || p.vettingExpiresOn ? (
        <form noValidate onSubmit={submitVerify}>
          <h2 className="govuk-heading-m">{p.vettingStatus === 'verified' ? 'Renew' : 'Verify'}</h2>
          <Textarea
            id="evidence"
            label="What did you check?"
            hint="For example: BACP register entry 041122 seen on 3 December"
            rows={3}
            error={err('evidence')}
            value={evidence}
            onChange={setEvidence}
          />
          <DateInput
            id="expires"
            legend="Valid until (optional)"
            hint="Leave blank for the usual term. For example, 27 3 2028"
            error={err('expires-day')}
            value={expires}
            onChange={setExpires}
          />
          <Button disabled={verify.isPending}>Verify</Button>
        </form>
      ) : null}
      {p.vettingStatus === 'pending' && (
        <form noValidate onSubmit={submitReject}>
          <h2 className="govuk-heading-m">Reject</h2>
          <Textarea
            id="reject-reason"
            label="Why are you rejecting the application?"
            hint="They are shown this, so write it to them. For example: We could not find this number on the register. Please check it."
            rows={3}
            error={err('reject-reason')}
            value={rejectReason}
            onChange={setRejectReason}
          />
          <Button variant="warning" disabled={reject.isPending}>
            Reject
          </Button>
        </form>
      )}
      {p.vettingStatus !== 'suspended' && (
        <form noValidate onSubmit={submitSuspend}>
          <h2 className="govuk-heading-m">Suspend</h2>
          <Textarea
            id="suspend-reason"
            label="Why are you suspending them?"
            hint="They are taken out of matching at once."
            rows={3}
            error={err('suspend-reason')}
            value={reason}
            onChange={setReason}
          />
          <Button variant="warning" disabled={suspend.isPending}>
            Suspend
          </Button>
        </form>
      )}
    </Page>
  );
}
