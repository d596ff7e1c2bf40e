import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../app/query';
import { navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { DateInput, emptyDate, fromIsoDate, toIsoDate } from '../components/DateInput';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';

/** The audit trail, newest first, by who acted, what was acted on, and dates. */
export function AuditPage() {
  const { search } = useLocation();
  const me = useMe();
  const query = Object.fromEntries(
    ['actor', 'target', 'from', 'to'].flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : [])),
  );
  const [actor, setActor] = useState(query.actor ?? '');
  const [target, setTarget] = useState(query.target ?? '');
  const [from, setFrom] = useState(query.from ? fromIsoDate(query.from) : emptyDate);
  const [to, setTo] = useState(query.to ? fromIsoDate(query.to) : emptyDate);
  const rows = useQuery({
    queryKey: ['audit', query],
    queryFn: async (): Promise<Schemas['AuditPageView']> =>
      unwrap(await api.GET('/v1/audit', { params: { query } })),
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (actor.trim()) params.set('actor', actor.trim());
    if (target.trim()) params.set('target', target.trim());
    const f = toIsoDate(from);
    const t = toIsoDate(to);
    if (f) params.set('from', `${f}T00:00:00Z`);
    if (t) params.set('to', `${t}T23:59:59Z`);
    navigate(`/coordinator/audit?${params.toString()}`);
  };
  return (
    <Page title="Audit trail" back="/coordinator">
      <form noValidate onSubmit={submit}>
        <TextInput
          id="audit-actor"
          label="Who acted (account id, optional)"
          widthClass="govuk-input--width-30"
          value={actor}
          onChange={setActor}
          spellCheck={false}
        />
        <TextInput
          id="audit-target"
          label="What was acted on (id, optional)"
          widthClass="govuk-input--width-30"
          value={target}
          onChange={setTarget}
          spellCheck={false}
        />
        <DateInput id="audit-from" legend="From (optional)" value={from} onChange={setFrom} />
        <DateInput id="audit-to" legend="To (optional)" value={to} onChange={setTo} />
        <Button variant="secondary">Search</Button>
      </form>
      {rows.error && <LoadError error={rows.error} />}
      {(!rows.data || !me.data) && !rows.error && <Loading />}
      {rows.data && me.data && (
        <>
          <h2 className="govuk-heading-m">Newest first</h2>
          {rows.data.items.length === 0 && <p className="govuk-body">Nothing matches.</p>}
          <ul className="govuk-list govuk-list--spaced">
            {rows.data.items.map((r) => (
              <li key={r.id}>
                <strong>{r.action}</strong>, {formatZoned(r.at, me.data.timezone)}
                <br />
                <span className="govuk-body-s">
                  by {r.actorRole ?? 'the system'} {r.actorId ?? ''}
                  {r.targetId && ` on ${r.targetType ?? ''} ${r.targetId}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
