import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { useMe } from './useMe';

export function AccountHome() {
  const me = useMe();
  return (
    <Page title="Your account">
      {me.isPending && <Loading />}
      {me.error && <LoadError error={me.error} />}
      {me.data && (
        <SummaryList
          rows={[
            { key: 'Name', value: me.data.name },
            { key: 'Email', value: me.data.email },
            { key: 'Phone', value: me.data.phone ?? 'Not given' },
            { key: 'Time zone', value: me.data.timezone },
          ]}
        />
      )}
      <ul className="govuk-list">
        <li>
          <Link to="/account/consents">What you have agreed to</Link>
        </li>
        <li>
          <Link to="/account/texts">Texts we sent you</Link>
        </li>
        <li>
          <Link to="/concerns">Concerns you raised</Link>
        </li>
        <li>
          <Link to="/account/data">Download or delete your data</Link>
        </li>
      </ul>
    </Page>
  );
}
