import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { CATEGORY } from './ConcernNew';
import { useMe } from './useMe';

const STATUS = {
  open: 'Received',
  triaged: 'Being looked at',
  referred: 'Referred on',
  closed: 'Closed',
};

export function ConcernList() {
  const me = useMe();
  const concerns = useQuery({
    queryKey: ['my-concerns'],
    queryFn: async () => unwrap(await api.GET('/v1/concerns')),
  });
  const zone = me.data?.timezone;
  return (
    <Page title="Concerns you raised" back="/account">
      {concerns.isPending && <Loading />}
      {concerns.error && <LoadError error={concerns.error} />}
      {concerns.data && concerns.data.items.length === 0 && (
        <p className="govuk-body">You have not raised any.</p>
      )}
      {zone && concerns.data && concerns.data.items.length > 0 && (
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Raised
              </th>
              <th scope="col" className="govuk-table__header">
                About
              </th>
              <th scope="col" className="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {concerns.data.items.map((c) => (
              <tr className="govuk-table__row" key={c.id}>
                <td className="govuk-table__cell">{formatZoned(c.createdAt, zone)}</td>
                <td className="govuk-table__cell">{CATEGORY[c.category]}</td>
                <td className="govuk-table__cell">
                  <Tag>{STATUS[c.status]}</Tag>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="govuk-body">
        <Link to="/concerns/new">Raise a concern</Link>
      </p>
    </Page>
  );
}
