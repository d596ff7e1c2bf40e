import { useMe } from '../account/useMe';
import { useParams } from '../app/router';
import { Page } from '../components/Page';
import { LoadError, Loading } from '../components/Status';
import { formatZoned } from '../time/formatZoned';
import { languageList } from './languages';
import { useBuddyMatches, useSessionMatches } from './queries';

/** Who could take an unmatched request, ranked as the volunteer sees them, to help by phone. */
export function RequestMatchesPage() {
  const { kind, id } = useParams();
  return kind === 'buddy' ? <BuddyMatches id={id} /> : <TherapistMatches id={id} />;
}

const back = '/coordinator/requests';

function TherapistMatches({ id }: { id: string }) {
  const me = useMe();
  const zone = me.data?.timezone;
  const matches = useSessionMatches(id, zone);
  const title = 'Who could see them';
  if (matches.error || me.error)
    return (
      <Page title={title} back={back}>
        <LoadError error={matches.error ?? me.error} />
      </Page>
    );
  if (!matches.data || !zone)
    return (
      <Page title={title} back={back}>
        <Loading />
      </Page>
    );
  return (
    <Page title={title} back={back}>
      {matches.data.items.length === 0 && (
        <p className="govuk-body">Nobody who fits is free in their dates.</p>
      )}
      <ol className="govuk-list govuk-list--number govuk-list--spaced">
        {matches.data.items.map((m) => (
          <li key={m.therapistId}>
            {m.name} ({m.membershipBody}), speaks {languageList(m.sharedLanguages)}.{' '}
            {m.nextSlots[0]
              ? `First free: ${formatZoned(m.nextSlots[0].utc, zone)}.`
              : 'No free time in their dates.'}
          </li>
        ))}
      </ol>
    </Page>
  );
}

function BuddyMatches({ id }: { id: string }) {
  const matches = useBuddyMatches(id);
  const title = 'Who could call them';
  if (matches.error)
    return (
      <Page title={title} back={back}>
        <LoadError error={matches.error} />
      </Page>
    );
  if (!matches.data)
    return (
      <Page title={title} back={back}>
        <Loading />
      </Page>
    );
  return (
    <Page title={title} back={back}>
      {matches.data.items.length === 0 && <p className="govuk-body">No buddy fits yet.</p>}
      <ol className="govuk-list govuk-list--number govuk-list--spaced">
        {matches.data.items.map((m) => (
          <li key={m.buddyId}>
            {m.name}, speaks {languageList(m.sharedLanguages)}; {m.activePairings} of{' '}
            {m.maxActivePairings} pairings taken; free together {Math.round(m.overlapMinutes / 60)}{' '}
            hours in the next two weeks.
          </li>
        ))}
      </ol>
    </Page>
  );
}
