import { useState } from 'react';
import { Link, navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { Checkboxes } from '../components/Choices';
import { DateInput, emptyDate, fromIsoDate, toIsoDate } from '../components/DateInput';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { useMe } from '../account/useMe';
import { AuditTable } from './AuditTable';
import { type AuditFilters, useAuditTrail } from './queries';

/**
 * The audit trail, newest first: who did what, about whom, and when. The coordinator's own reads
 * are left out unless asked for, so the page is not mostly their own footprints.
 */
export function AuditPage() {
  const { search } = useLocation();
  const me = useMe();
  const filters: AuditFilters = {
    ...Object.fromEntries(
      ['actor', 'target', 'from', 'to', 'cursor'].flatMap((k) =>
        search.get(k) ? [[k, search.get(k)!]] : [],
      ),
    ),
    hideMyReads: search.get('myReads') !== 'show',
  };
  const [actor, setActor] = useState(filters.actor ?? '');
  const [target, setTarget] = useState(filters.target ?? '');
  const [from, setFrom] = useState(filters.from ? fromIsoDate(filters.from) : emptyDate);
  const [to, setTo] = useState(filters.to ? fromIsoDate(filters.to) : emptyDate);
  const [hideMine, setHideMine] = useState(filters.hideMyReads);
  const rows = useAuditTrail(filters);
  const address = (cursor?: string) => {
    const params = new URLSearchParams();
    if (actor.trim()) params.set('actor', actor.trim());
    if (target.trim()) params.set('target', target.trim());
    const f = toIsoDate(from);
    const t = toIsoDate(to);
    if (f) params.set('from', `${f}T00:00:00Z`);
    if (t) params.set('to', `${t}T23:59:59Z`);
    if (!hideMine) params.set('myReads', 'show');
    if (cursor) params.set('cursor', cursor);
    return `/coordinator/audit?${params.toString()}`;
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    navigate(address());
  };
  return (
    <Page title="Audit trail" back="/coordinator">
      <p className="govuk-body">
        Who did what, newest first. Select a name to see that person&apos;s whole record.
      </p>
      <form noValidate onSubmit={submit}>
        <Checkboxes
          id="audit-mine"
          legend="Your own reads"
          small
          choices={[
            {
              value: 'hide',
              label: 'Hide my own reads',
              hint: 'Leaves out the records you opened or saw in lists. Everything else stays.',
            },
          ]}
          values={hideMine ? ['hide'] : []}
          onChange={(v) => setHideMine(v.includes('hide'))}
        />
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">More filters</span>
          </summary>
          <div className="govuk-details__text">
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
          </div>
        </details>
        <Button variant="secondary">Show</Button>
      </form>
      {rows.error && <LoadError error={rows.error} />}
      {(!rows.data || !me.data) && !rows.error && <Loading />}
      {rows.data && me.data && (
        <>
          {rows.data.items.length === 0 ? (
            <p className="govuk-body">Nothing matches. Try fewer filters.</p>
          ) : (
            <AuditTable lines={rows.data.items} zone={me.data.timezone} />
          )}
          {rows.data.nextCursor && (
            <p className="govuk-body">
              <Link to={address(rows.data.nextCursor)}>Older lines</Link>
            </p>
          )}
        </>
      )}
    </Page>
  );
}
