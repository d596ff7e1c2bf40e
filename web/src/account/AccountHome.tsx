import { Link, useLocation } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Success } from '../components/Status';
import { SummaryList, type SummaryRow } from '../components/SummaryList';
import { PhoneUnconfirmed } from './PhoneUnconfirmed';
import { useMe } from './useMe';
import { placeName } from '../time/zones';

/** What the page says after each change (`?changed=`). */
const CHANGED: Record<string, string> = {
  name: 'Your name has been changed.',
  // The same words whether or not the address could be used (README, Accounts by email): the
  // row below shows the address in use.
  email:
    'If the new address can be used, we have sent it a link. Your address changes when you follow the link, within 60 minutes; until then you sign in with the address shown below.',
  'email-confirmed': 'Your email address has been changed. Sign in with it from now on.',
  password:
    'Your password has been changed. Anywhere else you were signed in, you need to sign in again.',
  phone: 'Your mobile number is confirmed. We text your reminders to it from now on.',
};

export function AccountHome() {
  const me = useMe();
  const { search } = useLocation();
  const changed = CHANGED[search.get('changed') ?? ''];
  const profile = me.data?.profile as { preferredName?: string | null } | null | undefined;
  const rows: SummaryRow[] = me.data
    ? [
        {
          key: 'Name',
          value: me.data.name,
          change: { to: '/account/name', label: 'your name' },
        },
        ...(me.data.role === 'volunteer' && profile
          ? [
              {
                key: 'What we call you',
                value: profile.preferredName ?? me.data.name,
                change: { to: '/account/name', label: 'what we call you' },
              },
            ]
          : []),
        {
          key: 'Email',
          value: me.data.email,
          change: { to: '/account/email', label: 'your email address' },
        },
        {
          key: 'Password',
          value: 'Hidden',
          change: { to: '/account/password', label: 'your password' },
        },
        {
          key: 'Mobile number',
          value: !me.data.phone
            ? 'Not given'
            : `${me.data.phoneNational}${me.data.phoneConfirmed ? '' : ' (not confirmed: no texts yet)'}`,
          ...(me.data.role !== 'coordinator'
            ? { change: { to: `/${me.data.role}/profile`, label: 'your mobile number' } }
            : {}),
        },
        { key: 'Time zone', value: placeName(me.data.timezone) },
      ]
    : [];
  return (
    <Page title="Your account">
      {changed && <Success>{changed}</Success>}
      {me.isPending && <Loading />}
      {me.error && <LoadError error={me.error} />}
      {me.data && <PhoneUnconfirmed me={me.data} />}
      {me.data && <SummaryList rows={rows} />}
      <ul className="govuk-list">
        <li>
          <Link to="/account/consents">What you have agreed to</Link>
        </li>
        <li>
          <Link to="/account/texts">Texts we sent you</Link>
        </li>
        {me.data?.role !== 'coordinator' && (
          <li>
            <Link to="/account/messages">How we contact you: email, text or both</Link>
          </li>
        )}
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
