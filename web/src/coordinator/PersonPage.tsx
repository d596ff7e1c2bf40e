import type { Schemas } from '../api/client';
import { Link, useParams } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading, Tag } from '../components/Status';
import { useMe } from '../account/useMe';
import { formatZoned } from '../time/formatZoned';
import {
  ERASED_USER,
  MODALITY_WORDS,
  PAIRING_STATUS_WORDS,
  roleWords,
  SESSION_STATUS_WORDS,
} from '../words';
import { PersonSummary } from './PersonSummary';
import { usePersonRecord } from './queries';
import { SessionGrant } from './SessionGrant';

type PersonRecord = Schemas['PersonRecordView'];

/**
 * One person's whole record: who they are and their checks, their sessions (with whom, when,
 * where things stand), buddy pairings and consents, and what the coordinator can do next. Opening
 * it is audited, record by record.
 */
export function PersonPage() {
  const { userId } = useParams();
  const record = usePersonRecord(userId);
  const me = useMe();
  const error = record.error ?? me.error;
  if (error)
    return (
      <Page title="A person's record" back="/coordinator/people">
        <LoadError error={error} />
        <p className="govuk-body">
          <Link to="/coordinator/people">Look someone else up</Link>
        </p>
      </Page>
    );
  if (!record.data || !me.data)
    return (
      <Page title="A person's record" back="/coordinator/people">
        <Loading />
      </Page>
    );
  const { person, sessions, pairings, consents } = record.data;
  const zone = me.data.timezone;
  return (
    <Page title={person.name} caption={`A ${roleWords(person.role)}`} back="/coordinator/people">
      <PersonSummary person={person} zone={zone} />
      {(person.role === 'volunteer' || person.role === 'therapist') && (
        <Sessions sessions={sessions} role={person.role} zone={zone} />
      )}
      {(person.role === 'volunteer' || person.role === 'buddy') && (
        <Pairings pairings={pairings} zone={zone} />
      )}
      <Consents consents={consents} zone={zone} />
      <h2 className="govuk-heading-m">What you can do next</h2>
      <ul className="govuk-list govuk-list--bullet">
        {(person.role === 'therapist' || person.role === 'buddy') && (
          <li>
            <Link to={`/coordinator/vetting/${person.id}`}>
              Verify, reject or suspend their checks
            </Link>
          </li>
        )}
        <li>
          <Link to="/coordinator/concerns">See concerns</Link>, or report one about them from a
          concern page
        </li>
        <li>
          <Link to={`/coordinator/audit?target=${person.id}&myReads=show`}>
            See everything done about them in the audit trail
          </Link>
        </li>
        {person.role === 'volunteer' && <li>Allow them another session (below)</li>}
      </ul>
      {person.role === 'volunteer' && <SessionGrant volunteerId={person.id} />}
    </Page>
  );
}

function Sessions({
  sessions,
  role,
  zone,
}: {
  sessions: PersonRecord['sessions'];
  role: 'volunteer' | 'therapist';
  zone: string;
}) {
  return (
    <>
      <h2 className="govuk-heading-m">Sessions</h2>
      {sessions.length === 0 ? (
        <p className="govuk-body">No sessions yet.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {sessions.map((s) => {
            const other = role === 'volunteer' ? s.therapistName : s.volunteerName;
            const otherId = role === 'volunteer' ? s.therapistId : s.volunteerId;
            return (
              <li key={s.id}>
                <strong>{formatZoned(s.startsAt.utc, zone)}</strong>{' '}
                <Tag colour={s.status === 'booked' ? 'blue' : 'grey'}>
                  {SESSION_STATUS_WORDS[s.status]}
                </Tag>
                <br />
                {MODALITY_WORDS[s.modality] ?? 'Session'} with{' '}
                {other ? <Link to={`/coordinator/people/${otherId}`}>{other}</Link> : ERASED_USER}
                {s.cancelReason && (
                  <>
                    <br />
                    <span className="govuk-body-s">Reason given: {s.cancelReason}</span>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function Pairings({ pairings, zone }: { pairings: PersonRecord['pairings']; zone: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">Buddy pairings</h2>
      {pairings.length === 0 ? (
        <p className="govuk-body">No buddy pairings.</p>
      ) : (
        <ul className="govuk-list govuk-list--spaced">
          {pairings.map((p) => (
            <li key={p.id}>
              <strong>
                {p.people?.volunteerName ? (
                  <Link to={`/coordinator/people/${p.volunteerId}`}>{p.people.volunteerName}</Link>
                ) : (
                  ERASED_USER
                )}{' '}
                with{' '}
                {p.people?.buddyName ? (
                  <Link to={`/coordinator/people/${p.buddyId}`}>{p.people.buddyName}</Link>
                ) : (
                  ERASED_USER
                )}
              </strong>{' '}
              <Tag colour={p.status === 'active' ? 'blue' : 'grey'}>
                {PAIRING_STATUS_WORDS[p.status]}
              </Tag>
              <br />
              Since {formatZoned(p.createdAt, zone)}
              {p.endedAt && `, ended ${formatZoned(p.endedAt, zone)}`}
              {p.flaggedAt && (
                <>
                  <br />
                  <Tag colour="red">Two calls missed</Tag>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Consents({ consents, zone }: { consents: PersonRecord['consents']; zone: string }) {
  return (
    <>
      <h2 className="govuk-heading-m">Consents</h2>
      <dl className="govuk-summary-list">
        {consents.map((c) => (
          <div className="govuk-summary-list__row" key={c.purpose}>
            <dt className="govuk-summary-list__key">{c.title}</dt>
            <dd className="govuk-summary-list__value">
              {c.at === null
                ? 'Never asked'
                : `${c.granted ? 'Given' : 'Withdrawn'} on ${formatZoned(c.at, zone)}`}
              {c.needsReconsent && (
                <>
                  <br />
                  <span className="govuk-body-s">
                    The text has changed: they need to agree again.
                  </span>
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
