import { useMe } from '../account/useMe';
import { Link } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { languageList } from './languages';
import { useUnmatchedList } from './queries';

const HOW = { video: 'a video call', phone: 'a phone call', in_person: 'in person' } as const;
const KIND = { therapist: 'a therapist', humanitarian: 'a former humanitarian worker' } as const;
const PHASE = { deployed: 'while still deployed', returned: 'after coming home' } as const;

/** Who has waited over 7 days for a session or a buddy, oldest first; each one shown is audited. */
export function UnmatchedRequestsPage() {
  const list = useUnmatchedList();
  const me = useMe();
  const title = 'Waiting over 7 days';
  if (list.error || me.error)
    return (
      <Page title={title} back="/coordinator">
        <LoadError error={list.error ?? me.error} />
      </Page>
    );
  if (!list.data || !me.data)
    return (
      <Page title={title} back="/coordinator">
        <Loading />
      </Page>
    );
  const zone = me.data.timezone;
  const name = (n: string | null) => n ?? 'Someone whose account was erased';
  const { sessionRequests, buddyRequests } = list.data;
  return (
    <Page title={title} back="/coordinator">
      <h2 className="govuk-heading-m">Asked for a session</h2>
      {sessionRequests.length === 0 && <p className="govuk-body">Nobody.</p>}
      <ul className="govuk-list govuk-list--spaced">
        {sessionRequests.map((r) => (
          <li key={r.id}>
            <Link to={`/coordinator/people/${r.volunteerId}`}>{name(r.volunteerName)}</Link> asked
            on {formatZoned(r.createdAt, zone)} for {HOW[r.modality]} in {languageList(r.languages)}
            , between {formatZoned(r.notBefore, zone)} and {formatZoned(r.notAfter, zone)}
            {r.therapistGender ? `, with a ${r.therapistGender} therapist` : ''}.{' '}
            <Link to={`/coordinator/requests/session/${r.id}`}>
              Who could see them
              <span className="govuk-visually-hidden"> ({name(r.volunteerName)})</span>
            </Link>
          </li>
        ))}
      </ul>
      <h2 className="govuk-heading-m">Asked for a buddy</h2>
      {buddyRequests.length === 0 && <p className="govuk-body">Nobody.</p>}
      <ul className="govuk-list govuk-list--spaced">
        {buddyRequests.map((r) => (
          <li key={r.id}>
            <Link to={`/coordinator/people/${r.volunteerId}`}>{name(r.volunteerName)}</Link> asked
            on {formatZoned(r.createdAt, zone)} for calls {PHASE[r.phase]} by{' '}
            {r.channel === 'phone' ? 'phone' : 'Skype'} in {languageList(r.languages)}
            {r.preferredKind ? `, with ${KIND[r.preferredKind]}` : ''}.{' '}
            <Link to={`/coordinator/requests/buddy/${r.id}`}>
              Who could call them
              <span className="govuk-visually-hidden"> ({name(r.volunteerName)})</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
