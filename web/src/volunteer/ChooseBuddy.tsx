import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useMe } from '../account/useMe';
import { api, problemError, type Schemas } from '../api/client';
import { queryClient, unwrap } from '../app/query';
import { Link, navigate, useParams } from '../app/router';
import { Button } from '../components/Button';
import { Radios } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { useQuestionSteps } from '../components/questionSteps';
import { Select } from '../components/Select';
import { LoadError, Loading } from '../components/Status';
import { SummaryList } from '../components/SummaryList';
import { TextInput } from '../components/TextInput';
import { WEEKDAYS } from '../therapist/AvailabilityEditor';
import { formatZoned, zoneLabel } from '../time/formatZoned';
import { matchReasons, overlapTime } from './buddyViews';

const STEPS = ['buddy', 'when', 'check'] as const;
type Step = (typeof STEPS)[number];
type Match = Schemas['BuddyMatchView'];
const CADENCE = { weekly: 'Every week', fortnightly: 'Every two weeks' };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "2026-12-05T18:00:00+02:00" → weekday 6 and "18:00", as the volunteer's clock reads it. */
function clockOf(localIso: string): { weekday: string; time: string } {
  const day = new Date(`${localIso.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return { weekday: String(day === 0 ? 7 : day), time: localIso.slice(11, 16) };
}

/** Ranked buddies with their reasons; choose one, then the day and time of the calls. */
export function ChooseBuddy() {
  const { id } = useParams();
  const me = useMe();
  const zone = me.data?.timezone;
  const steps = useQuestionSteps(STEPS, () => setErrors([]));
  const step = steps.step;
  const [buddyId, setBuddyId] = useState('');
  const [cadence, setCadence] = useState('weekly');
  const [weekday, setWeekday] = useState('');
  const [time, setTime] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const matches = useQuery({
    queryKey: ['buddy-matches', id],
    queryFn: async () =>
      unwrap(await api.GET('/v1/buddy-requests/{id}/matches', { params: { path: { id } } })),
  });
  const pair = useMutation({
    mutationFn: async (body: Schemas['CreatePairingDto']) =>
      unwrap(await api.POST('/v1/pairings', { body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['pairings'] });
      await queryClient.invalidateQueries({ queryKey: ['check-ins'] });
      await queryClient.invalidateQueries({ queryKey: ['buddy-requests'] });
      navigate('/volunteer/calls?new=1');
    },
    onError: (error) => setErrors([problemError(error)]),
  });
  const chosen = matches.data?.items.find((m) => m.buddyId === buddyId);

  function choose(value: string) {
    setBuddyId(value);
    const first = matches.data?.items.find((m) => m.buddyId === value)?.firstOverlaps[0];
    if (first && zone) {
      const clock = clockOf(overlapTime(first, zone, zone).myLocalStart);
      setWeekday(clock.weekday);
      setTime(clock.time);
    }
  }

  function next(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (step === 'buddy' && !chosen)
      missing.push({ href: 'buddy', message: 'Select the buddy you would like' });
    if (step === 'when') {
      if (!cadence) missing.push({ href: 'cadence', message: 'Select how often' });
      if (!weekday) missing.push({ href: 'weekday', message: 'Choose the day of the calls' });
      if (!HHMM.test(time)) missing.push({ href: 'time', message: 'Enter a time like 18:00' });
    }
    setErrors(missing);
    if (missing.length || !zone) return;
    if (step === 'check' && chosen) {
      pair.mutate({
        requestId: id,
        buddyId: chosen.buddyId,
        timezone: zone,
        cadence: cadence as Schemas['CreatePairingDto']['cadence'],
        weekday: Number(weekday),
        localTime: time,
      });
      return;
    }
    steps.next();
  }

  const back = steps.back;
  const change = steps.changeLink;

  const error = (field: string) => errors.find((e) => e.href === field)?.message;
  const titles: Record<Step, string> = {
    buddy: 'Choose your buddy',
    when: 'When should your buddy call?',
    check: 'Check your answers',
  };
  return (
    <Page
      title={titles[step]}
      caption="Calls with a buddy"
      back="/volunteer"
      onBack={back}
      hasError={errors.length > 0}
    >
      <ErrorSummary errors={errors} />
      {(matches.isPending || me.isPending) && <Loading />}
      {(matches.error ?? me.error) && <LoadError error={matches.error ?? me.error} />}
      {matches.data?.items.length === 0 && (
        <>
          <p className="govuk-body">
            No buddy is free at the times you gave yet. The coordinator has been told and will help.
          </p>
        </>
      )}
      {zone && matches.data && matches.data.items.length > 0 && (
        <form onSubmit={next} noValidate>
          {step === 'buddy' && (
            <Radios
              id="buddy"
              legend={titles.buddy}
              legendHidden
              hint="Ranked by who fits your request best."
              value={buddyId}
              onChange={choose}
              error={error('buddy')}
              choices={matches.data.items.map((m) => ({
                value: m.buddyId,
                label: m.name,
                hint: <MatchHint match={m} zone={zone} />,
              }))}
            />
          )}
          {step === 'when' && (
            <>
              <Radios
                id="cadence"
                legend="How often"
                small
                value={cadence}
                onChange={setCadence}
                error={error('cadence')}
                choices={Object.entries(CADENCE).map(([value, label]) => ({ value, label }))}
              />
              <Select
                id="weekday"
                label="Day"
                placeholder="Choose a day"
                options={WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }))}
                value={weekday}
                onChange={setWeekday}
                error={error('weekday')}
              />
              <TextInput
                id="time"
                label="Time"
                hint={`24-hour clock, ${zoneLabel(zone)}, for example 18:00`}
                inputMode="numeric"
                widthClass="govuk-input--width-5"
                value={time}
                onChange={setTime}
                error={error('time')}
              />
            </>
          )}
          {step === 'check' && chosen && (
            <SummaryList
              rows={[
                { key: 'Buddy', value: chosen.name, change: change('buddy', 'buddy') },
                {
                  key: 'How often',
                  value: CADENCE[cadence as keyof typeof CADENCE],
                  change: change('when', 'how often'),
                },
                {
                  key: 'When',
                  value: `${WEEKDAYS[Number(weekday) - 1]}s at ${time} ${zoneLabel(zone)}`,
                  change: change('when', 'day and time'),
                },
              ]}
            />
          )}
          <Button disabled={pair.isPending}>
            {step === 'check' ? 'Start the calls' : 'Continue'}
          </Button>
        </form>
      )}
      {matches.data && (
        <p className="govuk-body govuk-!-margin-top-6">
          Other times would suit you better, or you no longer need a buddy?{' '}
          <Link to={`/volunteer/buddy-requests/${id}/withdraw`}>Withdraw this request</Link>, then
          ask again if you wish.
        </p>
      )}
    </Page>
  );
}

/** Why this buddy ranks here, and the first time you are both free, in both zones. */
function MatchHint({ match, zone }: { match: Match; zone: string }) {
  const first = match.firstOverlaps[0];
  const when = first ? overlapTime(first, zone, match.timezone) : null;
  return (
    <>
      {matchReasons(match).join('; ')}.
      {when && (
        <>
          <br />
          First time you are both free: {formatZoned(when.mine.utc, when.mine.timezone)}
          {when.buddy.timezone !== zone &&
            ` (${formatZoned(when.buddy.utc, when.buddy.timezone)} for them)`}
        </>
      )}
    </>
  );
}
