import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../account/useMe';
import { api } from '../api/client';
import { unwrap } from '../app/query';
import { Link, useParams } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { TherapistPhoto } from '../therapist/TherapistPhoto';
import { genderWords, languageList } from '../words';
import { ShowTimesIn } from '../components/ShowTimesIn';

/** Ranked matches for a request, each with why it ranks there and its next free times. */
export function Matches() {
  const { id } = useParams();
  const me = useMe();
  const [zone, setZone] = useState<string | null>(null);
  const tz = zone ?? me.data?.timezone;
  const matches = useQuery({
    queryKey: ['matches', id, tz],
    enabled: !!tz,
    queryFn: async () =>
      unwrap(
        await api.GET('/v1/session-requests/{id}/matches', {
          params: { path: { id }, query: { tz } },
        }),
      ),
  });
  return (
    <Page title="Choose who to talk to" caption="Your free session" back="/volunteer">
      {tz && <ShowTimesIn value={tz} onChange={setZone} />}
      {matches.isPending && <Loading />}
      {matches.error && <LoadError error={matches.error} />}
      {matches.data?.items.length === 0 && (
        <p className="govuk-body">
          Nobody is free in your dates yet. The coordinator has been told and will help.
        </p>
      )}
      {tz &&
        matches.data?.items.map((m, rank) => (
          <section
            key={m.therapistId}
            className="govuk-!-margin-bottom-7"
            aria-labelledby={`m-${m.therapistId}`}
          >
            <h2 className="govuk-heading-m" id={`m-${m.therapistId}`}>
              {rank + 1}. {m.name}
            </h2>
            <TherapistPhoto therapistId={m.therapistId} name={m.name} hasPhoto={m.hasPhoto} />
            <p className="govuk-body">
              {m.membershipBody} member · speaks {languageList(m.sharedLanguages)} ·{' '}
              {m.sessionMinutes}-minute sessions
              {m.gender && <> · {genderWords(m.gender)}, as you asked</>}
            </p>
            {m.bio && <p className="govuk-body app-bio">{m.bio}</p>}
            <ul className="govuk-list govuk-list--bullet">
              {m.reasons.map((r) => (
                <li key={r.factor}>{r.detail}</li>
              ))}
            </ul>
            {m.nextSlots.length > 0 && (
              <p className="govuk-body">
                Next free:{' '}
                {m.nextSlots
                  .slice(0, 3)
                  .map((s) => formatZoned(s.utc, tz))
                  .join('; ')}
              </p>
            )}
            <Link
              to={`/volunteer/requests/${id}/therapists/${m.therapistId}?tz=${encodeURIComponent(tz)}`}
            >
              See free times<span className="govuk-visually-hidden"> with {m.name}</span>
            </Link>
          </section>
        ))}
      {matches.data && (
        <p className="govuk-body govuk-!-margin-top-6">
          Other dates or another way to talk would suit you better, or you no longer need a session?{' '}
          <Link to={`/volunteer/requests/${id}/withdraw`}>Withdraw this request</Link>, then ask
          again if you wish.
        </p>
      )}
    </Page>
  );
}
