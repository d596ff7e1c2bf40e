import { useState } from 'react';
import type { Schemas } from '../api/client';
import { Link, navigate, useLocation } from '../app/router';
import { Button } from '../components/Button';
import { Checkboxes } from '../components/Choices';
import { DateInput, emptyDate, fromIsoDate, toIsoDate } from '../components/DateInput';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { TextInput } from '../components/TextInput';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';
import { auditActionWords, auditTargetWords, ERASED_USER, roleWords } from '../words';
import { type AuditFilters, useAuditTrail } from './queries';

type Line = Schemas['AuditEventView'];

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
            <table className="govuk-table app-audit-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                Newest first
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    When
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Who
                  </th>
                  <th scope="col" className="govuk-table__header">
                    What they did
                  </th>
                  <th scope="col" className="govuk-table__header">
                    About
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {rows.data.items.map((line) => (
                  <tr className="govuk-table__row" key={line.id}>
                    <td className="govuk-table__cell">{formatZoned(line.at, me.data.timezone)}</td>
                    <td className="govuk-table__cell">
                      <Who line={line} />
                    </td>
                    <td className="govuk-table__cell">{auditActionWords(line.action)}</td>
                    <td className="govuk-table__cell">
                      <About line={line} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
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

/** The person's name, linked to their record; "Erased user" once erased. */
function PersonName({ id, name }: { id: string; name: string | null }) {
  if (name === null) return <>{ERASED_USER}</>;
  return <Link to={`/coordinator/people/${id}`}>{name}</Link>;
}

function Who({ line }: { line: Line }) {
  if (!line.actorId) return <>The service</>;
  return (
    <>
      <PersonName id={line.actorId} name={line.actorName} />
      {line.actorRole && (
        <>
          <br />
          <span className="govuk-body-s">{roleWords(line.actorRole)}</span>
        </>
      )}
    </>
  );
}

function About({ line }: { line: Line }) {
  if (line.targetType === 'account' && line.targetId) {
    return <PersonName id={line.targetId} name={line.targetName} />;
  }
  return <>{auditTargetWords(line.targetType)}</>;
}
