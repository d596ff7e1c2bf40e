import { Link, useLocation } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { formatDate, formatZoned } from '../time/formatZoned';
import { useMe } from '../account/useMe';
import { expiresSoon, useVetting } from './queries';

/** The vetting queue, oldest first; or, with ?show=expiring, checks that lapse soon. */
export function VettingPage() {
  const { search } = useLocation();
  const expiring = search.get('show') === 'expiring';
  const list = useVetting(expiring ? 'verified' : 'pending');
  const me = useMe();
  const title = expiring ? 'Checks expiring soon' : 'Checks waiting';
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
  const items = expiring
    ? list.data.items.filter((v) => expiresSoon(v.vettingExpiresOn))
    : list.data.items;
  return (
    <Page title={title} back="/coordinator">
      <p className="govuk-body">
        {expiring ? (
          <Link to="/coordinator/vetting">Show checks waiting</Link>
        ) : (
          <Link to="/coordinator/vetting?show=expiring">Show checks expiring soon</Link>
        )}
      </p>
      {items.length === 0 && <p className="govuk-body">Nobody here.</p>}
      <ul className="govuk-list govuk-list--spaced">
        {items.map((v) => (
          <li key={v.userId}>
            <Link to={`/coordinator/vetting/${v.userId}`}>{v.name}</Link> <Tag>{v.role}</Tag>
            <br />
            {v.role === 'therapist' || v.membershipBody
              ? `${v.membershipBody ?? ''} ${v.membershipNumber ?? ''}`
              : `DBS ${v.dbsLevel ?? ''} ${v.dbsCertificateNumber ?? ''}`}
            <br />
            <span className="govuk-hint">
              {v.vettingExpiresOn
                ? `Valid until ${formatDate(v.vettingExpiresOn)}`
                : `Waiting since ${formatZoned(v.since, me.data.timezone)}`}
            </span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
