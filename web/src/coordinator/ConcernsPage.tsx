import { Link, useLocation } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';
import { useConcerns } from './queries';

const STATUSES = ['open', 'triaged', 'referred', 'closed'] as const;
const ORDER = { urgent: 0, high: 1, medium: 2, low: 3 } as const;
export const URGENCY_COLOUR = {
  urgent: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'grey',
} as const;
export const CATEGORY: Record<string, string> = {
  volunteer_behaviour: 'Behaviour of someone in the service',
  child_at_risk: 'A child at risk',
  volunteer_wellbeing: "A volunteer's wellbeing",
  possible_crime: 'A possible crime',
  other: 'Something else',
};

/** Concerns by status (open first), most urgent at the top. Each listing is audited. */
export function ConcernsPage() {
  const { search } = useLocation();
  const status = STATUSES.find((s) => s === search.get('status')) ?? 'open';
  const list = useConcerns(status);
  const me = useMe();
  const title = 'Concerns';
  if (list.error)
    return (
      <Page title={title} back="/coordinator">
        <LoadError error={list.error} />
      </Page>
    );
  if (!list.data || !me.data)
    return (
      <Page title={title} back="/coordinator">
        <Loading />
      </Page>
    );
  const items = [...list.data.items].sort((a, b) => ORDER[a.urgency] - ORDER[b.urgency]);
  return (
    <Page title={title} back="/coordinator">
      <nav aria-label="Concerns by status">
        <ul className="govuk-list" style={{ display: 'flex', flexWrap: 'wrap', gap: '0 20px' }}>
          {STATUSES.map((s) => (
            <li key={s}>
              {s === status ? (
                <strong>{s}</strong>
              ) : (
                <Link to={`/coordinator/concerns?status=${s}`}>{s}</Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 && <p className="govuk-body">No {status} concerns.</p>}
      <ul className="govuk-list govuk-list--spaced">
        {items.map((c) => (
          <li key={c.id}>
            <Tag colour={URGENCY_COLOUR[c.urgency]}>{c.urgency}</Tag>{' '}
            <Link to={`/coordinator/concerns/${c.id}`}>{CATEGORY[c.category]}</Link>
            <br />
            {c.subjectName && <>About {c.subjectName}. </>}
            {c.reporterName && <>Reported by {c.reporterName}.</>}
            <br />
            <span className="govuk-hint">
              Raised {formatZoned(c.createdAt, me.data.timezone)}
              {c.source === 'checkin' ? ', from a call' : ''}
            </span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
