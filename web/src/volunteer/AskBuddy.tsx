import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useMe } from '../account/useMe';
import { api, openRequestOf, problemError, type Schemas } from '../api/client';
import { useOpenBuddyRequests } from '../buddy/queries';
import { queryClient, unwrap } from '../app/query';
import { navigate } from '../app/router';
import { Button } from '../components/Button';
import { Checkboxes, Radios } from '../components/Choices';
import { ErrorSummary, type FieldError } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { useQuestionSteps } from '../components/questionSteps';
import { SummaryList } from '../components/SummaryList';
import { TextInput } from '../components/TextInput';
import { WEEKDAYS } from '../therapist/AvailabilityEditor';
import { zoneLabel } from '../time/formatZoned';

const STEPS = ['channel', 'windows', 'check'] as const;
type Step = (typeof STEPS)[number];
const CHANNEL = { phone: 'By phone', skype: 'On Skype' };
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Ask for a buddy: how they call you, then when you can take calls, then check. Draft in memory. */
export function AskBuddy() {
  const me = useMe();
  const open = useOpenBuddyRequests();
  const asked = open.data?.items[0];
  // One request at a time: someone who asked already goes back to choosing for it.
  useEffect(() => {
    if (asked) navigate(`/volunteer/buddy-requests/${asked.id}`, { replace: true });
  }, [asked]);
  const steps = useQuestionSteps(STEPS, () => setErrors([]));
  const step = steps.step;
  const [channel, setChannel] = useState('');
  const [skype, setSkype] = useState('');
  const [days, setDays] = useState<string[]>([]);
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('20:00');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const zone = me.data?.timezone;
  const ask = useMutation({
    mutationFn: async (body: Schemas['CreateBuddyRequestDto']) =>
      unwrap(await api.POST('/v1/buddy-requests', { body })),
    onSuccess: async (request) => {
      await queryClient.invalidateQueries({ queryKey: ['buddy-requests'] });
      navigate(`/volunteer/buddy-requests/${request.id}`);
    },
    onError: (error) => {
      // Asked already: back to choosing for that request rather than a second one.
      const open = openRequestOf(error);
      if (open) return navigate(`/volunteer/buddy-requests/${open}`);
      setErrors([problemError(error)]);
    },
  });
  const sortedDays = [...days].sort();

  function next(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (step === 'channel') {
      if (!channel) missing.push({ href: 'channel', message: 'Select how your buddy calls you' });
      if (channel === 'skype' && !skype.trim())
        missing.push({ href: 'skype', message: 'Enter your Skype name' });
    }
    if (step === 'windows') {
      if (days.length === 0)
        missing.push({ href: 'days', message: 'Select at least one day you can take calls' });
      if (!HHMM.test(start))
        missing.push({ href: 'start', message: 'Enter a start time like 18:00' });
      if (!HHMM.test(end) && end !== '24:00')
        missing.push({ href: 'end', message: 'Enter an end time like 20:00' });
      if (HHMM.test(start) && (HHMM.test(end) || end === '24:00') && end <= start)
        missing.push({ href: 'end', message: 'The end must be later than the start' });
    }
    setErrors(missing);
    if (missing.length) return;
    if (step === 'check') {
      ask.mutate({
        channel: channel as Schemas['CreateBuddyRequestDto']['channel'],
        ...(channel === 'skype' ? { skypeHandle: skype.trim() } : {}),
        timezone: zone,
        callWindows: sortedDays.map((weekday) => ({ weekday: Number(weekday), start, end })),
      });
      return;
    }
    steps.next();
  }

  const back = steps.back;
  const change = steps.changeLink;

  const error = (id: string) => errors.find((e) => e.href === id)?.message;
  const titles: Record<Step, string> = {
    channel: 'How would you like your buddy to call you?',
    windows: 'When can you take calls?',
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
      <form onSubmit={next} noValidate>
        {step === 'channel' && (
          <>
            <Radios
              id="channel"
              legend={titles.channel}
              legendHidden
              value={channel}
              onChange={setChannel}
              error={error('channel')}
              choices={Object.entries(CHANNEL).map(([value, label]) => ({ value, label }))}
            />
            {channel === 'skype' && (
              <TextInput
                id="skype"
                label="Your Skype name"
                widthClass="govuk-input--width-20"
                autoComplete="off"
                spellCheck={false}
                value={skype}
                onChange={setSkype}
                error={error('skype')}
              />
            )}
          </>
        )}
        {step === 'windows' && (
          <>
            <Checkboxes
              id="days"
              legend="Days"
              small
              values={days}
              onChange={setDays}
              error={error('days')}
              choices={WEEKDAYS.map((label, i) => ({ value: String(i + 1), label }))}
            />
            <TextInput
              id="start"
              label="From"
              hint={`24-hour clock, ${zone ? zoneLabel(zone) : 'your time'}, for example 18:00`}
              inputMode="numeric"
              widthClass="govuk-input--width-5"
              value={start}
              onChange={setStart}
              error={error('start')}
            />
            <TextInput
              id="end"
              label="To"
              hint="For example 20:00"
              inputMode="numeric"
              widthClass="govuk-input--width-5"
              value={end}
              onChange={setEnd}
              error={error('end')}
            />
          </>
        )}
        {step === 'check' && (
          <SummaryList
            rows={[
              {
                key: 'How',
                value: channel === 'skype' ? `On Skype (${skype.trim()})` : CHANNEL.phone,
                change: change('channel', 'how your buddy calls you'),
              },
              {
                key: 'Days',
                value: sortedDays.map((d) => WEEKDAYS[Number(d) - 1]).join(', '),
                change: change('windows', 'days'),
              },
              {
                key: 'Times',
                value: `${start} to ${end} ${zone ? zoneLabel(zone) : ''}`.trim(),
                change: change('windows', 'times'),
              },
            ]}
          />
        )}
        <Button disabled={ask.isPending || !zone}>
          {step === 'check' ? 'Ask for a buddy' : 'Continue'}
        </Button>
      </form>
    </Page>
  );
}
